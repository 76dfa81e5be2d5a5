import type { Principal } from '../auth/principal';
import { createReadsUnderWay } from './reads-under-way';

// Every authenticated request first reads who is asking (the session, its user and memberships,
// then the scope those give) and every agreement read first checks the agreement calendar. Both
// change rarely: a process may reuse them for a few seconds (READ_REUSE_SECONDS), and so a few
// costly answers one user asks for again (answerOf: keyed by the user and organisation, never shared;
// only reference data, the same for everyone, has a key of its own: reference.repository.ts). Any change made
// through this process forgets them at once, so nobody sees their own change late; a change made
// by another instance, or a session that runs out, counts within those seconds at most (a costly
// answer: within twice them, see below). A session
// that no longer opens (logged out, expired, unknown) is never kept: only a live one is reused.
// Ages go by the wall clock, and a clock set back makes everything kept stale, not older.
// While one request reads something for a key, others that ask for the same key join that read
// instead of starting their own: at a few hundred requests a second, a costly answer that had just
// gone stale was otherwise read by every request that came in meanwhile, each slowing the others.
// A costly answer (answerOf) that has just gone stale is still given for one more reuse time while
// a single read refreshes it in the background: otherwise every request that came in during that
// read (the coverage of 53 regions: 200 ms at national scale) waited for it, every few seconds.

interface KeptPrincipal {
  principal: Principal;
  keptAt: number;
}

/** Above this many kept sessions, the ones past their time are swept out first. */
const SWEEP_ABOVE = 5000;

export interface ReadReuse {
  /** The principal of a session token: the kept one while fresh, else `load()`'s (kept when live). */
  principalOf(token: string, load: () => Promise<Principal | null>): Promise<Principal | null>;
  /**
   * Applies the agreement calendar for `today` (`apply`) unless this is a read and it was applied
   * for the same day within the reuse time; a write always applies it, so it acts on today's status.
   */
  checkCalendar(apply: () => Promise<unknown>, read: boolean, today: string): Promise<void>;
  /**
   * An answer asked for again within the reuse time (`key` names who asks, for which organisation,
   * and the question): the kept one while fresh, else `load()`'s, kept unless a change went through
   * while it was read. For the few answers that cost far more than their request (the overview's
   * coverage of every region). Past the reuse time, and within twice it, the kept answer is given
   * while one read refreshes it; a change (forget) drops it at once, as ever.
   */
  answerOf<T>(key: string, load: () => Promise<T>): Promise<T>;
  /** A change went through: whatever is kept may be out of date. */
  forget(): void;
}

export function createReadReuse(seconds: number, now: () => number = Date.now): ReadReuse {
  const span = seconds * 1000;
  const youngerThan = (keptAt: number, limit: number) => {
    const age = now() - keptAt;
    return age >= 0 && age < limit;
  };
  const fresh = (keptAt: number) => youngerThan(keptAt, span);
  const principals = new Map<string, KeptPrincipal>();
  const answers = new Map<string, { answer: unknown; keptAt: number }>();
  let calendar = { day: '', appliedAt: Number.NaN };
  // Bumped by forget(): a load that began before a change must not keep what it read.
  let generation = 0;
  const underWay = createReadsUnderWay();
  /** `load()`, or the same read already under way for `key`. */
  const joined = <T>(key: string, load: () => Promise<T>): Promise<T> => underWay.get<T>(key) ?? underWay.run(key, load);

  /** Keeps `value` under `key`, first sweeping out what is past its time when the map is full. */
  function keepIn<V extends { keptAt: number }>(kept: Map<string, V>, key: string, value: V): void {
    if (kept.size >= SWEEP_ABOVE) {
      for (const [k, v] of kept) if (!fresh(v.keptAt)) kept.delete(k);
      if (kept.size >= SWEEP_ABOVE) kept.clear();
    }
    kept.set(key, value);
  }

  return {
    async principalOf(token, load) {
      if (span <= 0) return load();
      const kept = principals.get(token);
      if (kept && fresh(kept.keptAt)) return kept.principal;
      const startedIn = generation;
      const principal = await joined(`principal\n${token}`, load);
      if (principal && startedIn === generation) keepIn(principals, token, { principal, keptAt: now() });
      else if (!principal) principals.delete(token);
      return principal;
    },
    async answerOf<T>(key: string, load: () => Promise<T>): Promise<T> {
      if (span <= 0) return load();
      const kept = answers.get(key);
      if (kept && fresh(kept.keptAt)) return kept.answer as T;
      const readKey = `answer\n${key}`;
      const read = () => {
        const startedIn = generation;
        return underWay.run(readKey, load).then((answer) => {
          if (startedIn === generation) keepIn(answers, key, { answer, keptAt: now() });
          return answer;
        });
      };
      if (kept && youngerThan(kept.keptAt, 2 * span)) {
        // One refresh at a time; a failed one drops the stale answer, so the next request reads for itself (and sees the error).
        if (!underWay.get(readKey)) {
          read().catch(() => {
            if (answers.get(key) === kept) answers.delete(key);
          });
        }
        return kept.answer as T;
      }
      return underWay.get<T>(readKey) ?? read();
    },
    async checkCalendar(apply, read, today) {
      if (read && calendar.day === today && fresh(calendar.appliedAt)) return;
      const startedIn = generation;
      // A read joins a check under way for today (with reuse off too: it is the same check, now); a
      // write applies the calendar itself.
      await (read ? joined(`calendar\n${today}`, apply) : apply());
      if (span > 0 && startedIn === generation) calendar = { day: today, appliedAt: now() };
    },
    forget() {
      generation++;
      underWay.clear();
      principals.clear();
      answers.clear();
      calendar = { day: '', appliedAt: Number.NaN };
    },
  };
}
