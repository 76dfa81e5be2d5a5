import nodemailer from 'nodemailer';
import type { Logger, MailConfig } from '../http/app-env';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends the app's few e-mails (reset and invitation links). */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

const DEFAULT_FROM = 'Kompetansebro <ikke-svar@localhost>';

/**
 * A mailer over SMTP (nodemailer) when an SMTP URL is configured. Without one — in development —
 * every mail is written to the log instead (its links included, so they can be followed), and
 * nothing fails.
 */
export function createMailer(config: MailConfig | undefined, logger: Logger): Mailer {
  const from = config?.from ?? DEFAULT_FROM;
  if (!config?.smtpUrl) {
    return {
      send: async (message) => {
        logger.info({ mail: { from, ...message } }, 'e-mail not sent (no SMTP_URL): logged instead');
      },
      close: () => undefined,
    };
  }
  const transport = nodemailer.createTransport({
    url: config.smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    send: async (message) => {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    },
    close: () => transport.close(),
  };
}
