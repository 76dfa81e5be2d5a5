import { sql, type Kysely } from 'kysely';

// Frozen in time: imports no application code.

/**
 * The liaison's list of libraries in one stored key (issue 18): by region (none last), then each
 * main library with its branches after it, then by name. The order spans four tables (region,
 * municipality, the main library, the library), so every library was joined and sorted for each
 * page (PostgreSQL 3.3 ms, the slowest list route); from `actor.library_order` and its index a page
 * is read in order and stops after its rows.
 *
 * The key is the four parts joined by \x01 (below any character of a sort key, so it compares part
 * by part), in byte order (collate "C", as every sort key). The database keeps it: a row trigger on
 * the actor's own parts, and updates of the actors a renamed main library, a municipality moved to
 * another region or a renamed region reorder.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table actor add column library_order text collate "C"`.execute(db);

  await sql`
    create function library_order_of(of_parent uuid, in_municipality char(4), own_sort_key text) returns text language sql stable as $$
      select coalesce((select '0' || r.sort_key from municipality as m join region as r on r.id = m.region_id where m.number = in_municipality), '1')
        || chr(1) || coalesce((select p.sort_key from actor as p where p.id = of_parent), own_sort_key)
        || chr(1) || case when of_parent is null then '0' else '1' end
        || chr(1) || own_sort_key
    $$`.execute(db);

  await sql`
    create function library_order_of_row() returns trigger language plpgsql as $$
    begin
      new.library_order := library_order_of(new.parent_id, new.municipality_number, new.sort_key);
      return new;
    end $$`.execute(db);
  await sql`
    create trigger library_order_insert before insert on actor for each row
      execute function library_order_of_row()`.execute(db);
  await sql`
    create trigger library_order_update before update of sort_key, parent_id, municipality_number on actor for each row
      when (old.sort_key is distinct from new.sort_key or old.parent_id is distinct from new.parent_id or old.municipality_number is distinct from new.municipality_number)
      execute function library_order_of_row()`.execute(db);

  // What others' keys are made of changed: a main library's name (its branches), a municipality's
  // region, a region's name. These update library_order alone, which fires no trigger of its own.
  await sql`
    create function library_order_of_branches() returns trigger language plpgsql as $$
    begin
      update actor set library_order = library_order_of(parent_id, municipality_number, sort_key) where parent_id = new.id;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger library_order_main_renamed after update of sort_key on actor for each row
      when (old.sort_key is distinct from new.sort_key)
      execute function library_order_of_branches()`.execute(db);
  await sql`
    create function library_order_in_municipality() returns trigger language plpgsql as $$
    begin
      update actor set library_order = library_order_of(parent_id, municipality_number, sort_key) where municipality_number = new.number;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger library_order_municipality_moved after update of region_id on municipality for each row
      when (old.region_id is distinct from new.region_id)
      execute function library_order_in_municipality()`.execute(db);
  await sql`
    create function library_order_in_region() returns trigger language plpgsql as $$
    begin
      update actor set library_order = library_order_of(parent_id, municipality_number, sort_key)
       where municipality_number in (select m.number from municipality as m where m.region_id = new.id);
      return null;
    end $$`.execute(db);
  await sql`
    create trigger library_order_region_renamed after update of sort_key on region for each row
      when (old.sort_key is distinct from new.sort_key)
      execute function library_order_in_region()`.execute(db);

  await sql`update actor set library_order = library_order_of(parent_id, municipality_number, sort_key)`.execute(db);
  await sql`alter table actor alter column library_order set not null`.execute(db);
  await sql`
    create index actor_library_order_idx on actor (library_order, id)
     where kind in ('public_library', 'library_branch') and archived_at is null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // A trigger function's triggers go with it (cascade).
  await sql`
    drop function library_order_of_row(), library_order_of_branches(), library_order_in_municipality(), library_order_in_region(),
      library_order_of(uuid, char(4), text) cascade`.execute(db);
  await sql`alter table actor drop column library_order`.execute(db);
}
