import { sql, type Kysely } from 'kysely';

// Frozen in time: imports no application code.

/**
 * How many agreements have each status, kept by the database (issue 18). The county sees every
 * agreement: its list without filters counted all of them on every page (2.2 ms of PostgreSQL's
 * time per request at national scale, 20,000 agreements), and its overview counted them by status.
 * Both now read a row per status.
 *
 * Statement triggers on agreement add what a statement inserted, take away what it deleted, and
 * move what changed status. Each change is added to the status's row under a row lock, so two
 * transactions that change agreements at the same time wait for each other's rows and both count.
 * A status no agreement has any more keeps its row, at zero.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table agreement_status_tally (
      status text primary key,
      agreements integer not null check (agreements >= 0)
    )`.execute(db);

  // A transition table exists only for the operations that have it, so each finds its changes in
  // its own query. The status rows are locked in order before they change, so two statements that
  // move agreements between the same statuses wait for each other instead of deadlocking.
  await sql`
    create function agreement_statuses_changed() returns trigger language plpgsql as $$
    declare statuses text[]; changes integer[];
    begin
      if tg_op = 'INSERT' then
        select array_agg(n.status), array_agg(n.change) into statuses, changes
          from (select status, count(*)::int as change from new_rows group by status) as n;
      elsif tg_op = 'DELETE' then
        select array_agg(o.status), array_agg(o.change) into statuses, changes
          from (select status, -count(*)::int as change from old_rows group by status) as o;
      else
        select array_agg(m.status), array_agg(m.change) into statuses, changes
          from (select moved.status, sum(moved.change)::int as change from (
                  select n.status, 1 as change from old_rows as o join new_rows as n on n.id = o.id where n.status <> o.status
                  union all
                  select o.status, -1 from old_rows as o join new_rows as n on n.id = o.id where n.status <> o.status
                ) as moved group by moved.status) as m;
      end if;
      if statuses is null then return null; end if;
      insert into agreement_status_tally (status, agreements) select unnest(statuses), 0 order by 1 on conflict (status) do nothing;
      perform 1 from agreement_status_tally where status = any(statuses) order by status for update;
      update agreement_status_tally as t set agreements = t.agreements + c.change
        from unnest(statuses, changes) as c (status, change)
       where t.status = c.status;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger agreement_status_tally_insert after insert on agreement referencing new table as new_rows
      for each statement execute function agreement_statuses_changed()`.execute(db);
  await sql`
    create trigger agreement_status_tally_update after update on agreement referencing old table as old_rows new table as new_rows
      for each statement execute function agreement_statuses_changed()`.execute(db);
  await sql`
    create trigger agreement_status_tally_delete after delete on agreement referencing old table as old_rows
      for each statement execute function agreement_statuses_changed()`.execute(db);

  await sql`insert into agreement_status_tally (status, agreements) select status, count(*) from agreement group by status`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // A trigger function's triggers go with it (cascade).
  await sql`drop function agreement_statuses_changed() cascade`.execute(db);
  await sql`drop table agreement_status_tally`.execute(db);
}
