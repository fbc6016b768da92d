import { type AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

// A real SMTP server on a free local port that keeps what it receives, for tests of the app's email.

export interface Received { to: string[]; subject: string; text: string; replyTo: string | undefined }

export async function startSmtp() {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo.map((r) => r.address);
      simpleParser(stream).then((mail) => { received.push({ to, subject: mail.subject ?? '', text: mail.text ?? '', replyTo: mail.replyTo?.value[0]?.address }); callback(); }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { received, port: (server.server.address() as AddressInfo).port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
