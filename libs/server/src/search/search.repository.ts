import { sql, type RawBuilder } from 'kysely';
import { PLANNED_ONCE } from '@kompetansebro/db';
import { visibleActivities, visibleActors, visibleAgreements, visibleCountyRecords, visibleLiaisonNotes, type Scope } from '../auth/visibility';
import type { Executor } from '../persistence/executor';
import { escapeLike } from '../persistence/repository-helpers';

export const searchResultTypes = ['actor', 'agreement', 'activity', 'initiative', 'note'] as const;
export type SearchResultType = (typeof searchResultTypes)[number];

/** Texts up to this length are shown whole; longer ones by the fragment around the match. */
const SNIPPET_LENGTH = 200;

export interface SearchResult {
  type: SearchResultType;
  id: string;
  title: string;
  snippet: string;
  rank: number;
}

/**
 * What one table contributes to the search: its full-text vector (norwegian configuration,
 * a generated column), its title and the title's own vector (generated too), and the text a
 * snippet is cut from.
 */
interface Searchable {
  type: SearchResultType;
  vector: RawBuilder<unknown>;
  title: RawBuilder<string>;
  titleVector: RawBuilder<unknown>;
  body: RawBuilder<string | null>;
}

/**
 * The search words as a full-text query, made once per run: a scalar subquery, which PostgreSQL
 * evaluates before the scans (and an index scan takes as its key), so the one plan the statement is
 * prepared with does not parse the words again for each row.
 */
const wordsOf = (q: string) => sql`(select websearch_to_tsquery('norwegian', ${q}))`;

/**
 * The rank of a hit: ts_rank of the full-text match, raised when the title itself matches —
 * by its words (stemmed), as a prefix ("Nams" → "Namsos bibliotek"), at a word start, or anywhere.
 * Title matches thus come before hits in descriptions only.
 */
function rankOf(table: Searchable, q: string): RawBuilder<number> {
  const query = wordsOf(q);
  const text = escapeLike(q);
  return sql<number>`(
    ts_rank(${table.vector}, ${query})
    + case when ${table.titleVector} @@ ${query} then 0.5 else 0 end
    + case
        when ${table.title} ilike ${`${text}%`} then 1.0
        when ${table.title} ilike ${`% ${text}%`} then 0.6
        when ${table.title} ilike ${`%${text}%`} then 0.3
        else 0
      end
  )::float8`;
}

function matches(table: Searchable, q: string): RawBuilder<boolean> {
  return sql<boolean>`(${table.vector} @@ ${wordsOf(q)} or ${table.title} ilike ${`%${escapeLike(q)}%`})`;
}

/** A liaison note's channel, its title: computed, as are its vectors (notes are few). */
const noteTitle = sql<string>`concat_ws(' – ', coalesce(nu.name, 'Trøndelag fylkeskommune'), coalesce(nt.name, ng.name))`;

const searchables = {
  actor: { type: 'actor', vector: sql`a.search_vector`, title: sql<string>`a.name`, titleVector: sql`a.title_vector`, body: sql<string | null>`a.description` },
  agreement: { type: 'agreement', vector: sql`g.search_vector`, title: sql<string>`g.title`, titleVector: sql`g.title_vector`, body: sql<string | null>`g.description` },
  activity: {
    type: 'activity',
    vector: sql`v.search_vector`,
    title: sql<string>`v.title`,
    titleVector: sql`v.title_vector`,
    body: sql<string | null>`concat_ws(' ', v.description, v.outcome)`,
  },
  initiative: { type: 'initiative', vector: sql`i.search_vector`, title: sql<string>`i.title`, titleVector: sql`i.title_vector`, body: sql<string | null>`i.description` },
  // A liaison note has no title: its channel names it ("NTNU – Namsos bibliotek"), its text is the body.
  note: {
    type: 'note',
    vector: sql`to_tsvector('norwegian', n.body)`,
    title: noteTitle,
    titleVector: sql`to_tsvector('norwegian', ${noteTitle})`,
    body: sql<string | null>`n.body`,
  },
} satisfies Record<SearchResultType, Searchable>;

const hitColumns = (table: Searchable, q: string) =>
  [
    sql<SearchResultType>`${table.type}::text`.as('type'),
    sql<string>`${table.title}`.as('title'),
    sql<string | null>`${table.body}`.as('body'),
    rankOf(table, q).as('rank'),
  ] as const;

/**
 * One ranked list over actors (not archived), agreements, activities, initiatives and liaison notes — those the
 * scope may see, so a hit never names a foreign record: PostgreSQL
 * full-text search in the norwegian configuration ("bibliotekene" finds "bibliotek"), with an
 * ILIKE fallback on names and titles for word beginnings ("Nams" finds Namsos).
 */
export async function search(db: Executor, scope: Scope, q: string, limit: number): Promise<SearchResult[]> {
  const { actor, agreement, activity, initiative, note } = searchables;
  const hits = db
    .selectFrom('actor as a')
    .select('a.id')
    .select(hitColumns(actor, q))
    .where('a.archived_at', 'is', null)
    .where(visibleActors(scope, 'a'))
    .where(matches(actor, q))
    .unionAll(
      db.selectFrom('agreement as g').select('g.id').select(hitColumns(agreement, q)).where(visibleAgreements(scope, 'g.id')).where(matches(agreement, q)),
    )
    .unionAll(db.selectFrom('activity as v').select('v.id').select(hitColumns(activity, q)).where(visibleActivities(scope, 'v')).where(matches(activity, q)))
    .unionAll(db.selectFrom('initiative as i').select('i.id').select(hitColumns(initiative, q)).where(visibleCountyRecords(scope)).where(matches(initiative, q)))
    .unionAll(
      db
        .selectFrom('liaison_note as n')
        .leftJoin('actor as nu', 'nu.id', 'n.university_id')
        .leftJoin('actor as nt', 'nt.id', 'n.target_actor_id')
        .leftJoin('region as ng', 'ng.id', 'n.target_region_id')
        .select('n.id')
        .select(hitColumns(note, q))
        .where(visibleLiaisonNotes(scope, 'n'))
        // The note's text, not its channel's names, is what a hit must hold.
        .where(sql<boolean>`(to_tsvector('norwegian', n.body) @@ ${wordsOf(q)} or n.body ilike ${`%${escapeLike(q)}%`})`),
    );

  // Rank and cut first; only the hits shown get a snippet (ts_headline is the costly part). Prepared
  // once per connection (PLANNED_ONCE): the same plan fits every word, and planning it was the most
  // of its cost.
  const top = db.selectFrom(hits.as('hit')).selectAll().orderBy('rank', 'desc').orderBy('title').orderBy('id').limit(limit);
  const rows = await db
    .selectFrom(top.as('top'))
    .modifyFront(sql.raw(PLANNED_ONCE))
    .select([
      'top.type',
      'top.id',
      'top.title',
      'top.body',
      'top.rank',
      sql<string | null>`case when length(top.body) > ${SNIPPET_LENGTH} then ts_headline('norwegian', top.body,
        ${wordsOf(q)}, 'StartSel="", StopSel="", MinWords=8, MaxWords=24, ShortWord=2, MaxFragments=1') end`.as(
        'headline',
      ),
    ])
    .orderBy('top.rank', 'desc')
    .orderBy('top.title')
    .orderBy('top.id')
    .execute();
  return rows.map((row) => ({
    type: row.type,
    id: row.id,
    title: row.title,
    snippet: snippetOf(row.body, row.headline),
    rank: Math.round(Number(row.rank) * 10_000) / 10_000,
  }));
}

/** Plain text, no markup: the whole text when short, else the fragment with … where text is left out. */
function snippetOf(body: string | null, headline: string | null): string {
  const text = (body ?? '').replace(/\s+/g, ' ').trim();
  if (text.length <= SNIPPET_LENGTH || !headline) return text.slice(0, SNIPPET_LENGTH);
  const fragment = headline.replace(/\s+/g, ' ').trim().slice(0, SNIPPET_LENGTH);
  const start = text.indexOf(fragment);
  return `${start === 0 ? '' : '… '}${fragment}${start >= 0 && start + fragment.length >= text.length ? '' : ' …'}`;
}
