import { Agent, request } from 'node:http';

// Latency at a fixed rate, as users arrive: one request every 1/rate seconds, whether or not the
// earlier ones have been answered (an open loop), each on a kept-alive connection of a pool.
// autocannon's `overallRate` is a closed loop per connection that fires each connection's share of
// the second at the top of the second: 300 requests arrive as one burst and its p99 is the time
// to drain the burst, not the latency at 300 req/s. Each latency here is counted from when the
// request was due, so a load generator that falls behind adds its delay rather than hiding it.

export interface SteadyRateResult {
  p50Ms: number;
  p99Ms: number;
  /** Requests sent. */
  requests: number;
  /** Failed connections, timeouts and non-2xx answers. */
  errors: number;
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

export async function steadyRate(
  url: string,
  options: { rate: number; seconds: number; headers?: Record<string, string>; headersOf?: (index: number) => Record<string, string>; connections?: number },
): Promise<SteadyRateResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections ?? 100 });
  const total = Math.round(options.rate * options.seconds);
  const interval = 1000 / options.rate;
  const latencies: number[] = [];
  let errors = 0;
  const target = new URL(url);
  const one = (index: number, due: number) =>
    new Promise<void>((resolve) => {
      const sent = request(
        { host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, agent, headers: { ...options.headers, ...options.headersOf?.(index) }, timeout: 30_000 },
        (response) => {
          response.resume();
          response.on('end', () => {
            if ((response.statusCode ?? 0) >= 300) errors++;
            latencies.push(performance.now() - due);
            resolve();
          });
        },
      );
      sent.on('timeout', () => sent.destroy(new Error('timeout')));
      sent.on('error', () => {
        errors++;
        resolve();
      });
      sent.end();
    });
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let index = 0; index < total; index++) {
    const due = started + index * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(one(index, due));
  }
  await Promise.all(pending);
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  return { p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99), requests: total, errors };
}
