import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  // Where a reply goes (a thread's reply address), when replies are taken by email.
  replyTo?: string;
  // What the sender marks as sent (a notification, an invitation, a recipient) once the SMTP server accepted it.
  ref?: string;
}

export interface Mailer {
  /** Whether email is configured; without SMTP the notifications stay in the app only. */
  readonly enabled: boolean;
  /** Queues messages; they are sent one after another after the request has answered. */
  enqueue(messages: MailMessage[], onSent?: (message: MailMessage) => Promise<void>): void;
  /** Resolves when the queue is empty (tests and shutdown wait on it). */
  idle(): Promise<void>;
}

/**
 * Email through SMTP (`SMTP_URL`, e.g. smtp://user:pass@mail.example.org:587). A failed send is
 * logged by recipient domain only, never with the address or the text.
 */
export function createMailer(options: { smtpUrl?: string; from: string }): Mailer {
  const transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null;
  let queue: Promise<void> = Promise.resolve();
  return {
    enabled: transport !== null,
    enqueue(messages, onSent) {
      if (!transport) return;
      for (const message of messages) {
        queue = queue.then(async () => {
          try {
            await transport.sendMail({ from: options.from, to: message.to, subject: message.subject, text: message.text, ...(message.replyTo ? { replyTo: message.replyTo } : {}) });
            await onSent?.(message);
          } catch (err) {
            console.error(`[crossroads] email to …@${message.to.split('@')[1]} failed: ${err instanceof Error ? err.message : String(err)}`);
          }
        });
      }
    },
    idle: () => queue,
  };
}
