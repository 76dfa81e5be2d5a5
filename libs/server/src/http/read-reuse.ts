import type { Principal } from '../auth/principal';

// Every authenticated request first reads who is asking (the session, its user and memberships,
// then the scope those give) and every agreement read first checks the agreement calendar. Both
// change rarely: a process may reuse them for a few seconds (READ_REUSE_SECONDS). Any change made
// through this process forgets them at once, so nobody sees their own change late; a change made
// by another instance, or a session that runs out, counts within those seconds at most. A session
// that no longer opens (logged out, expired, unknown) is never kept: only a live one is reused.
// Ages go by the wall clock, and a clock set back makes everything kept stale, not older.

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
  /** A change went through: whatever is kept may be out of date. */
  forget(): void;
}

export function createReadReuse(seconds: number, now: () => number = Date.now): ReadReuse {
  const span = seconds * 1000;
  const fresh = (keptAt: number) => {
    const age = now() - keptAt;
    return age >= 0 && age < span;
  };
  const principals = new Map<string, KeptPrincipal>();
  let calendar = { day: '', appliedAt: Number.NaN };
  // Bumped by forget(): a load that began before a change must not keep what it read.
  let generation = 0;

  function keep(token: string, principal: Principal): void {
    if (principals.size >= SWEEP_ABOVE) {
      for (const [key, kept] of principals) if (!fresh(kept.keptAt)) principals.delete(key);
      if (principals.size >= SWEEP_ABOVE) principals.clear();
    }
    principals.set(token, { principal, keptAt: now() });
  }

  return {
    async principalOf(token, load) {
      if (span <= 0) return load();
      const kept = principals.get(token);
      if (kept && fresh(kept.keptAt)) return kept.principal;
      const startedIn = generation;
      const principal = await load();
      if (principal && startedIn === generation) keep(token, principal);
      else if (!principal) principals.delete(token);
      return principal;
    },
    async checkCalendar(apply, read, today) {
      if (read && calendar.day === today && fresh(calendar.appliedAt)) return;
      const startedIn = generation;
      await apply();
      if (span > 0 && startedIn === generation) calendar = { day: today, appliedAt: now() };
    },
    forget() {
      generation++;
      principals.clear();
      calendar = { day: '', appliedAt: Number.NaN };
    },
  };
}
