import { sql, type Kysely } from 'kysely';

// Frozen in time: imports no application code.

/**
 * The regions an agreement reaches (issue 18): `agreement.region_ids` holds the regions of its
 * parties' municipalities, so "the agreements of a region" (`GET /api/agreements?region=…`) is one
 * lookup in a GIN index combined with the other filters, not a join of every party of every
 * candidate agreement with the region's actors (PGlite: 17 → 2.8 ms for the active agreements of
 * a region at national scale).
 *
 * The database keeps it, whatever writes: statement triggers on the three tables it is derived
 * from (an agreement's parties, an actor's municipality, a municipality's region) recompute the
 * column of the agreements a statement touched. It is never written by the application and is not
 * part of an agreement's version: it changes with the parties, not with the agreement.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table agreement add column region_ids uuid[] not null default '{}'`.execute(db);

  await sql`
    create function agreement_regions_refresh(agreement_ids uuid[]) returns void language sql as $$
      update agreement as ag
         set region_ids = derived.region_ids
        from (
          select target.id,
                 coalesce(array(
                   select distinct m.region_id
                     from agreement_party as p
                     join actor as a on a.id = p.actor_id
                     join municipality as m on m.number = a.municipality_number
                    where p.agreement_id = target.id and m.region_id is not null
                    order by m.region_id
                 ), '{}') as region_ids
            from unnest(agreement_ids) as target(id)
        ) as derived
       where ag.id = derived.id and ag.region_ids is distinct from derived.region_ids
    $$`.execute(db);

  // Transition tables may name one event per trigger: inserted, deleted and updated party rows.
  await sql`
    create function agreement_regions_of_inserted_parties() returns trigger language plpgsql as $$
    begin
      perform agreement_regions_refresh(array(select distinct agreement_id from inserted_rows));
      return null;
    end $$`.execute(db);
  await sql`
    create function agreement_regions_of_deleted_parties() returns trigger language plpgsql as $$
    begin
      perform agreement_regions_refresh(array(select distinct agreement_id from deleted_rows));
      return null;
    end $$`.execute(db);
  await sql`
    create function agreement_regions_of_updated_parties() returns trigger language plpgsql as $$
    begin
      perform agreement_regions_refresh(array(
        select agreement_id from old_rows union select agreement_id from new_rows
      ));
      return null;
    end $$`.execute(db);
  await sql`
    create trigger agreement_regions_party_insert after insert on agreement_party
      referencing new table as inserted_rows for each statement
      execute function agreement_regions_of_inserted_parties()`.execute(db);
  await sql`
    create trigger agreement_regions_party_delete after delete on agreement_party
      referencing old table as deleted_rows for each statement
      execute function agreement_regions_of_deleted_parties()`.execute(db);
  await sql`
    create trigger agreement_regions_party_update after update on agreement_party
      referencing old table as old_rows new table as new_rows for each statement
      execute function agreement_regions_of_updated_parties()`.execute(db);

  // An actor moved to another municipality, a municipality to another region: the agreements of
  // the actors there. Row triggers whose WHEN skips every other update before any function runs (an
  // import updates thousands of actors, one statement each).
  await sql`
    create function agreement_regions_of_moved_actor() returns trigger language plpgsql as $$
    begin
      perform agreement_regions_refresh(array(select p.agreement_id from agreement_party as p where p.actor_id = new.id));
      return null;
    end $$`.execute(db);
  await sql`
    create trigger agreement_regions_actor_update after update of municipality_number on actor for each row
      when (old.municipality_number is distinct from new.municipality_number)
      execute function agreement_regions_of_moved_actor()`.execute(db);
  await sql`
    create function agreement_regions_of_moved_municipality() returns trigger language plpgsql as $$
    begin
      perform agreement_regions_refresh(array(
        select distinct p.agreement_id
          from actor as a
          join agreement_party as p on p.actor_id = a.id
         where a.municipality_number = new.number
      ));
      return null;
    end $$`.execute(db);
  await sql`
    create trigger agreement_regions_municipality_update after update of region_id on municipality for each row
      when (old.region_id is distinct from new.region_id)
      execute function agreement_regions_of_moved_municipality()`.execute(db);

  await sql`select agreement_regions_refresh(array(select id from agreement))`.execute(db);
  // fastupdate off: the embedded database has no autovacuum to merge a GIN index's pending list, so
  // every search would read the whole list (PGlite, after seeding: 8.4 ms a search, 2.0 ms merged).
  await sql`create index agreement_region_ids_idx on agreement using gin (region_ids) with (fastupdate = off)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger agreement_regions_municipality_update on municipality`.execute(db);
  await sql`drop trigger agreement_regions_actor_update on actor`.execute(db);
  await sql`drop trigger agreement_regions_party_update on agreement_party`.execute(db);
  await sql`drop trigger agreement_regions_party_delete on agreement_party`.execute(db);
  await sql`drop trigger agreement_regions_party_insert on agreement_party`.execute(db);
  await sql`drop function agreement_regions_of_moved_municipality()`.execute(db);
  await sql`drop function agreement_regions_of_moved_actor()`.execute(db);
  await sql`drop function agreement_regions_of_updated_parties()`.execute(db);
  await sql`drop function agreement_regions_of_deleted_parties()`.execute(db);
  await sql`drop function agreement_regions_of_inserted_parties()`.execute(db);
  await sql`drop function agreement_regions_refresh(uuid[])`.execute(db);
  await sql`alter table agreement drop column region_ids`.execute(db);
}
