import pino from 'pino';

/** How long a log line may wait in the buffer before it is written. */
const FLUSH_EVERY_MS = 1_000;

/**
 * The server's logger: pino's JSON lines to `dest` (stdout unless a file or fd is named), written
 * in batches of up to 4 KiB and at least once a second, and at once when the process exits. A
 * write per line (a line per request) was about 7 % of the app's CPU per request (issue 18).
 */
export function createServerLogger({ level, dest = 1 }: { level: string; dest?: number | string }): pino.Logger {
  const destination = pino.destination({ dest, sync: false, minLength: 4096 });
  setInterval(() => {
    try {
      destination.flush();
    } catch {
      // Ended as the process exits: its last lines were written then.
    }
  }, FLUSH_EVERY_MS).unref();
  return pino({ level }, destination);
}
