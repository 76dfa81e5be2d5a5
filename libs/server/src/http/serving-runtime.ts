import { setFlagsFromString } from 'node:v8';

/**
 * Settings of the JavaScript engine for a server that answers many short requests; called first
 * by whatever starts one (apps/api's main, the bench's servers).
 *
 * Allocation-site pretenuring off. V8 allocates objects straight in the old generation from a
 * code site whose objects it saw survive young-generation collections. Under a burst of load, the
 * rows and answers of requests waiting in line survive a collection or two; V8 then pretenures
 * those sites, and from then on every request's rows go to the old generation and die there. On
 * the actor list at national scale (100 rows, 300 req/s, PostgreSQL) the old generation grew by
 * 22 MB a second, a full collection came about every 10 seconds, and each held requests up for
 * 100–400 ms: p99 of a 5-second window 42–133 ms when one fell in it, 5 ms when none did. With
 * pretenuring off, the old generation stays flat (about 80 MB) and the p99 was 3–5 ms.
 * Set at run time rather than on node's command line, so no way of starting the server misses it;
 * V8 reads this flag when it decides, so it takes effect from here on.
 */
export function tuneRuntimeForServing(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
}
