import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Mailer } from '@kompetansebro/server';

/**
 * MAIL_DIR: every mail is written as one JSON file in the folder instead of being sent — for the
 * browser journeys, which read a survey's link from it, and for trying the mails out locally.
 * Only when configured; SMTP_URL and MAIL_DIR exclude each other (env.ts).
 */
export function createFileMailer(dir: string, from: string): Mailer {
  mkdirSync(dir, { recursive: true });
  let sequence = 0;
  return {
    send: async (message) => {
      sequence += 1;
      const name = `${Date.now()}-${process.pid}-${String(sequence).padStart(5, '0')}.json`;
      writeFileSync(join(dir, name), JSON.stringify({ from, ...message, at: new Date().toISOString() }, null, 2));
    },
    close: () => undefined,
  };
}
