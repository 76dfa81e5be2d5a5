import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, getPriority, setPriority } from 'node:os';

// Where the bench's processes run on a 2-core machine. The load generator (this process) stands
// for clients on other machines: it gets CPU 0 and a higher priority (nice -10), so the servers
// under test cannot starve it and delay the requests it sends on time (each latency counts from
// when its request was due). The app server runs on CPU 1, and the database server may run on
// either CPU at the normal priority. Measured on PostgreSQL: with the database server confined to
// CPU 0 beside the load generator (it inherited the generator's CPU), the generator's event loop
// lagged up to 440 ms and a database-bound page's p99 at 300 req/s was 317–411 ms; placed as
// here, 20–76 ms.

const LOAD_GENERATOR_NICE = -10;

export function canPin(): boolean {
  return cpus().length >= 2 && existsSync('/usr/bin/taskset');
}

const allCpus = () => `0-${cpus().length - 1}`;
const setAffinity = (list: string) => execFileSync('/usr/bin/taskset', ['-pc', list, String(process.pid)], { stdio: 'ignore' });
/** This process's CPU list as taskset prints it ("pid 42's current affinity list: 0"). */
const affinity = () => execFileSync('/usr/bin/taskset', ['-pc', String(process.pid)], { encoding: 'utf8' }).split(': ')[1]?.trim() ?? allCpus();

/** Puts this process (the load generator) on CPU 0, at a higher priority where it may raise it (root). */
export function pinLoadGenerator(): void {
  setAffinity('0');
  try {
    setPriority(LOAD_GENERATOR_NICE);
  } catch {
    // Not allowed (not root): the generator keeps the normal priority.
  }
}

/**
 * Runs `start` (which spawns a server) as a server's parent should: children inherit the CPUs and
 * priority of the process that spawns them, so for the span of `start` this process takes all CPUs
 * and the normal priority, and then its own place again.
 */
export async function asServerParent<T>(start: () => Promise<T>): Promise<T> {
  if (!canPin()) return start();
  const priority = getPriority();
  const own = affinity();
  setAffinity(allCpus());
  try {
    if (priority !== 0) setPriority(0);
    return await start();
  } finally {
    try {
      if (priority !== 0) setPriority(priority);
    } catch {
      // Raising it back needs root, as raising it did.
    }
    setAffinity(own);
  }
}
