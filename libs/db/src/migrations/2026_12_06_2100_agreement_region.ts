import { sql, type Kysely, type RawBuilder } from 'kysely';

// Frozen in time: imports no application code.

/**
 * Which regions each agreement reaches, kept by the database (issue 18). The agreements list
 * filtered by region (the county's overview of a region, the headline of the bench) asked for
 * every agreement of the status whether one of its parties sits in one of the region's
 * municipalities: ~2.7 ms of PostgreSQL's time per page at national scale, most of that route's
 * cost. Here a region's agreements of a status are one index range, already in the list's order
 * (0.3 ms).
 *
 * An agreement reaches a region when one of its parties is an actor in one of the region's
 * municipalities. Each row carries the agreement's status and sort key, so a page of a region's
 * agreements of one status is read in order from the index and stops after its rows.
 *
 * Statement triggers on agreement_party, agreement, actor and municipality refresh the agreements
 * a statement touched, from scratch: one rule, the same one the list applied before. Each refresh
 * first locks its agreements' rows (in order, so two refreshes never deadlock): a second
 * transaction waits, then reads the parties with the first one's committed. A deleted agreement's
 * rows go with it (cascade).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table agreement_region (
      region_id uuid not null references region (id) on delete cascade,
      agreement_id uuid not null references agreement (id) on delete cascade,
      status text not null,
      sort_key text not null,
      primary key (agreement_id, region_id)
    )`.execute(db);
  await sql`create index agreement_region_list_idx on agreement_region (region_id, status, (sort_key collate "C"), agreement_id)`.execute(db);

  await sql`
    create function refresh_agreement_regions(in_agreements uuid[]) returns void language plpgsql as $$
    begin
      if coalesce(cardinality(in_agreements), 0) = 0 then return; end if;
      perform 1 from agreement where id = any(in_agreements) order by id for no key update;
      delete from agreement_region where agreement_id = any(in_agreements);
      insert into agreement_region (region_id, agreement_id, status, sort_key)
        select distinct m.region_id, ag.id, ag.status, ag.sort_key
          from agreement as ag
          join agreement_party as p on p.agreement_id = ag.id
          join actor as a on a.id = p.actor_id
          join municipality as m on m.number = a.municipality_number
         where ag.id = any(in_agreements) and m.region_id is not null;
    end $$`.execute(db);

  // Parties: added, removed, or moved to another agreement or actor (an answer changes nothing here).
  await sql`
    create function agreement_parties_changed() returns trigger language plpgsql as $$
    declare touched uuid[];
    begin
      if tg_op = 'INSERT' then
        select array_agg(distinct n.agreement_id) into touched from new_rows as n;
      elsif tg_op = 'DELETE' then
        select array_agg(distinct o.agreement_id) into touched from old_rows as o;
      else
        -- Only a pair of agreement and actor that is not in both tables moved: an answer moves none.
        select array_agg(distinct moved.agreement_id) into touched from (
          select o.agreement_id from old_rows as o
           where not exists (select 1 from new_rows as n where n.agreement_id = o.agreement_id and n.actor_id = o.actor_id)
          union
          select n.agreement_id from new_rows as n
           where not exists (select 1 from old_rows as o where o.agreement_id = n.agreement_id and o.actor_id = n.actor_id)
        ) as moved;
      end if;
      perform refresh_agreement_regions(touched);
      return null;
    end $$`.execute(db);
  await sql`
    create trigger agreement_region_party_insert after insert on agreement_party referencing new table as new_rows
      for each statement execute function agreement_parties_changed()`.execute(db);
  await sql`
    create trigger agreement_region_party_update after update on agreement_party referencing old table as old_rows new table as new_rows
      for each statement execute function agreement_parties_changed()`.execute(db);
  await sql`
    create trigger agreement_region_party_delete after delete on agreement_party referencing old table as old_rows
      for each statement execute function agreement_parties_changed()`.execute(db);

  // Agreements: a new status or title (its sort key). A new agreement has no parties yet.
  await refreshAfterUpdate(db, 'agreement', sql`
    select array_agg(n.id) into touched from old_rows as o join new_rows as n on n.id = o.id
     where (o.status, o.sort_key) is distinct from (n.status, n.sort_key);`);
  // Actors: moved to another municipality (a deleted actor's parties went first, with their trigger).
  await refreshAfterUpdate(db, 'actor', sql`
    select array_agg(distinct p.agreement_id) into touched
      from old_rows as o join new_rows as n on n.id = o.id
      join agreement_party as p on p.actor_id = n.id
     where o.municipality_number is distinct from n.municipality_number;`);
  // Municipalities: moved to another region.
  await refreshAfterUpdate(db, 'municipality', sql`
    select array_agg(distinct p.agreement_id) into touched
      from old_rows as o join new_rows as n on n.number = o.number
      join actor as a on a.municipality_number = n.number
      join agreement_party as p on p.actor_id = a.id
     where o.region_id is distinct from n.region_id;`);

  await sql`select refresh_agreement_regions(array(select id from agreement))`.execute(db);
}

/**
 * A statement trigger after an update of `table` (its function agreement_region_<table>_updated)
 * that refreshes the agreements `touched` selects into its variable `touched`.
 */
async function refreshAfterUpdate(db: Kysely<unknown>, table: 'agreement' | 'actor' | 'municipality', touched: RawBuilder<unknown>): Promise<void> {
  const name = sql.raw(`agreement_region_${table}_updated`);
  await sql`
    create function ${name}() returns trigger language plpgsql as $$
    declare touched uuid[];
    begin
      ${touched}
      perform refresh_agreement_regions(touched);
      return null;
    end $$`.execute(db);
  await sql`
    create trigger ${name} after update on ${sql.raw(table)} referencing old table as old_rows new table as new_rows
      for each statement execute function ${name}()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // A trigger function's triggers go with it (cascade).
  await sql`
    drop function agreement_parties_changed(), agreement_region_agreement_updated(), agreement_region_actor_updated(),
      agreement_region_municipality_updated(), refresh_agreement_regions(uuid[]) cascade`.execute(db);
  await sql`drop table agreement_region`.execute(db);
}
