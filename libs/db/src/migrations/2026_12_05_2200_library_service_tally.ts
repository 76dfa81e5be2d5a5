import { sql, type Kysely } from 'kysely';

// Frozen in time: imports no application code.

/**
 * How many libraries offer each type of service in each municipality, kept by the database
 * (issue 18). The liaison's "needs" answer every municipality with these counts; counting them
 * from every library's services (a distinct count over ~1,000 groups) was most of the slowest
 * route's database time, for a figure that changes only when a library's services do.
 *
 * A library counts once per type: not archived, of a library kind (main library or branch), in
 * the municipality, with at least one service of the type that is not archived. A cell of zero
 * has no row.
 *
 * Statement triggers on service and actor recount the municipalities a statement touched, from
 * scratch: one rule, and an import of many services recounts each municipality once. Each recount
 * first locks its municipalities' rows (in order, so two recounts never deadlock): a second
 * transaction waits, then counts with the first one's changes committed. `for no key update`
 * does not block the foreign-key checks of actors being written in those municipalities.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table library_service_tally (
      municipality_number char(4) not null references municipality (number),
      service_type text not null,
      libraries integer not null check (libraries > 0),
      primary key (municipality_number, service_type)
    )`.execute(db);

  await sql`
    create function recount_library_services(in_municipalities char(4)[]) returns void language plpgsql as $$
    begin
      if coalesce(cardinality(in_municipalities), 0) = 0 then return; end if;
      perform 1 from municipality where number = any(in_municipalities) order by number for no key update;
      delete from library_service_tally where municipality_number = any(in_municipalities);
      insert into library_service_tally (municipality_number, service_type, libraries)
        select a.municipality_number, s.type, count(distinct a.id)
          from actor as a join service as s on s.actor_id = a.id
         where a.municipality_number = any(in_municipalities)
           and a.kind in ('public_library', 'library_branch') and a.archived_at is null and s.archived_at is null
         group by a.municipality_number, s.type;
    end $$`.execute(db);

  // Services: the municipalities of their actors that are libraries (a library deleted with its
  // services is recounted by the actor's own trigger). An update counts only when it moves a
  // service to another actor or type, or archives or restores it.
  await sql`
    create function library_services_changed() returns trigger language plpgsql as $$
    declare touched char(4)[];
    begin
      if tg_op = 'INSERT' then
        select array_agg(distinct a.municipality_number) into touched from new_rows as n join actor as a on a.id = n.actor_id
         where a.kind in ('public_library', 'library_branch');
      elsif tg_op = 'DELETE' then
        select array_agg(distinct a.municipality_number) into touched from old_rows as o join actor as a on a.id = o.actor_id
         where a.kind in ('public_library', 'library_branch');
      else
        select array_agg(distinct a.municipality_number) into touched
          from old_rows as o join new_rows as n on n.id = o.id
          join actor as a on a.id in (o.actor_id, n.actor_id)
         where a.kind in ('public_library', 'library_branch')
           and (o.actor_id, o.type, o.archived_at is null) is distinct from (n.actor_id, n.type, n.archived_at is null);
      end if;
      perform recount_library_services(array_remove(touched, null));
      return null;
    end $$`.execute(db);
  await sql`
    create trigger library_service_tally_insert after insert on service referencing new table as new_rows
      for each statement execute function library_services_changed()`.execute(db);
  await sql`
    create trigger library_service_tally_update after update on service referencing old table as old_rows new table as new_rows
      for each statement execute function library_services_changed()`.execute(db);
  await sql`
    create trigger library_service_tally_delete after delete on service referencing old table as old_rows
      for each statement execute function library_services_changed()`.execute(db);

  // Actors: a library's kind, archiving or municipality changed (both municipalities), or a
  // library deleted. A new actor has no services yet.
  await sql`
    create function library_actors_changed() returns trigger language plpgsql as $$
    declare touched char(4)[];
    begin
      if tg_op = 'DELETE' then
        select array_agg(distinct o.municipality_number) into touched from old_rows as o
         where o.kind in ('public_library', 'library_branch');
      else
        select array_agg(distinct m.number) into touched
          from old_rows as o join new_rows as n on n.id = o.id
          join municipality as m on m.number in (o.municipality_number, n.municipality_number)
         where (o.kind in ('public_library', 'library_branch') or n.kind in ('public_library', 'library_branch'))
           and (o.kind, o.archived_at is null, o.municipality_number) is distinct from (n.kind, n.archived_at is null, n.municipality_number);
      end if;
      perform recount_library_services(array_remove(touched, null));
      return null;
    end $$`.execute(db);
  await sql`
    create trigger library_service_tally_actor_update after update on actor referencing old table as old_rows new table as new_rows
      for each statement execute function library_actors_changed()`.execute(db);
  await sql`
    create trigger library_service_tally_actor_delete after delete on actor referencing old table as old_rows
      for each statement execute function library_actors_changed()`.execute(db);

  await sql`select recount_library_services(array(select number from municipality))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // A trigger function's triggers go with it (cascade).
  await sql`drop function library_services_changed(), library_actors_changed(), recount_library_services(char(4)[]) cascade`.execute(db);
  await sql`drop table library_service_tally`.execute(db);
}
