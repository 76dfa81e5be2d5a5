import { spawn, type ChildProcess } from 'node:child_process';
import { asServerParent } from './placement';

// How long the machine kept a process waiting while a latency was measured. A tiny process on the
// server's CPU asks to run every millisecond and keeps the longest it waited beyond that. Under
// the load of the window it waits a few milliseconds (the server's own tasks run first); a pause
// of the whole machine (another tenant, the hypervisor) shows as one long wait, and a p99 over
// the goal beside such a pause is the machine's, not the route's. It measures only while a
// window runs; then its thousand wake-ups a second cost the server's CPU well under 1 %.

const PROBE = `
let last = performance.now();
let longest = 0;
let timer;
process.on('message', (message) => {
  if (message === 'start') {
    clearInterval(timer);
    last = performance.now();
    longest = 0;
    timer = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last - 1);
      last = now;
    }, 1);
  } else if (message === 'read') {
    clearInterval(timer);
    longest = Math.max(longest, performance.now() - last - 1);
    process.send(longest);
  }
});
process.send('ready');
`;

export interface PauseProbe {
  /** Measures `during`, and the longest wait of the probe meanwhile in milliseconds. */
  around<T>(during: () => Promise<T>): Promise<{ result: T; longestPauseMs: number }>;
  stop(): Promise<void>;
}

/** A probe on CPU 1 beside the server when `pin`, else wherever the system puts it. */
export async function startPauseProbe(pin: boolean): Promise<PauseProbe> {
  const node = [process.execPath, '-e', PROBE];
  const [command, ...args] = pin ? ['/usr/bin/taskset', '-c', '1', ...node] : node;
  const child: ChildProcess = await asServerParent(async () => spawn(command as string, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  let failure: Error | null = null;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('error', (error) => (failure = error));
  // The probe's next message; an error if it ends (or never started) first.
  const next = () =>
    new Promise<unknown>((resolve, reject) => {
      if (failure || child.exitCode !== null || child.signalCode !== null) return reject(failure ?? new Error('the pause probe has ended'));
      const onMessage = (message: unknown) => {
        child.off('exit', onExit);
        resolve(message);
      };
      const onExit = () => {
        child.off('message', onMessage);
        reject(failure ?? new Error('the pause probe ended'));
      };
      child.once('message', onMessage);
      child.once('exit', onExit);
    });
  await next();
  return {
    async around(during) {
      child.send('start');
      const longest = () => {
        const answer = next();
        child.send('read');
        return answer;
      };
      let result;
      try {
        result = await during();
      } catch (error) {
        // Stopped however the measurement ended.
        await longest().catch(() => undefined);
        throw error;
      }
      return { result, longestPauseMs: Number(await longest()) };
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await gone;
    },
  };
}
