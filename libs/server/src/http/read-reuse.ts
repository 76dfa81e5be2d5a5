import type { Principal } from '../auth/principal';

// Every authenticated request first reads who is asking (the session, its user and memberships,
// then the scope those give) and every agreement read first checks the agreement calendar. Both
// change rarely: a process may reuse them for a few seconds (READ_REUSE_SECONDS). Any change made
// through this process forgets them at once, so nobody sees their own change late; a change made
// by another instance, or a session that runs out, counts within those seconds at most. A session
// that no longer opens (logged out, expired, unknown) is never kept: only a live one is reused.

interface KeptPrincipal {
  principal: Principal;
  until: number;
}

/** Above this many kept sessions, the ones past their time are swept out first. */
const SWEEP_ABOVE = 5000;

export interface ReadReuse {
  /** The principal of a session token: the kept one while fresh, else `load()`'s (kept when live). */
  principalOf(token: string, load: () => Promise<Principal | null>): Promise<Principal | null>;
  /**
   * Applies the agreement calendar (`apply`) unless this is a read and it was applied within the
   * reuse time; a write always applies it, so it acts on today's status.
   */
  checkCalendar(apply: () => Promise<unknown>, read: boolean): Promise<void>;
  /** A change went through: whatever is kept may be out of date. */
  forget(): void;
}

export function createReadReuse(seconds: number, now: () => number = () => performance.now()): ReadReuse {
  const span = seconds * 1000;
  const principals = new Map<string, KeptPrincipal>();
  let calendarUntil = Number.NEGATIVE_INFINITY;
  // Bumped by forget(): a load that began before a change must not keep what it read.
  let generation = 0;

  function keep(token: string, principal: Principal): void {
    if (principals.size >= SWEEP_ABOVE) {
      const time = now();
      for (const [key, kept] of principals) if (kept.until <= time) principals.delete(key);
      if (principals.size >= SWEEP_ABOVE) principals.clear();
    }
    principals.set(token, { principal, until: now() + span });
  }

  return {
    async principalOf(token, load) {
      if (span <= 0) return load();
      const kept = principals.get(token);
      if (kept && kept.until > now()) return kept.principal;
      const startedIn = generation;
      const principal = await load();
      if (principal && startedIn === generation) keep(token, principal);
      else if (!principal) principals.delete(token);
      return principal;
    },
    async checkCalendar(apply, read) {
      if (read && calendarUntil > now()) return;
      const startedIn = generation;
      await apply();
      if (span > 0 && startedIn === generation) calendarUntil = now() + span;
    },
    forget() {
      generation++;
      principals.clear();
      calendarUntil = Number.NEGATIVE_INFINITY;
    },
  };
}
