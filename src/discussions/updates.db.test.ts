import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allianceWithMembers, type AllianceFixture } from '../../test/alliance-fixture.ts';
import { startSmtp } from '../../test/smtp-capture.ts';
import { pdfOf } from '../../test/files.ts';
import { ENGINES, ORIGIN, type TestApp, testApp } from '../../test/test-app.ts';
import { startInboundMail } from './inbound-mail.ts';
import { sendDueDigests } from './update.service.ts';

// An update goes out by a real SMTP server; a representative replies by email to the app's own
// SMTP server; the reply appears in the update's thread as their post, quoted text and signature
// taken off. A forged sender and a forged address are refused in the SMTP conversation, and
// nothing is created.

describe.each(ENGINES)('updates whose replies come back by email, on %s', (engine) => {
  let t: TestApp;
  let f: AllianceFixture;
  let outgoing: Awaited<ReturnType<typeof startSmtp>>;
  let inbound: Awaited<ReturnType<typeof startInboundMail>>;
  const c = (name: string) => f.clients[name]!;
  type Attachment = { filename: string; content: Buffer; cid?: string };
  let send: (mail: { from: string; envelopeFrom?: string; to: string; text: string; html?: string; attachments?: Attachment[] }) => Promise<unknown>;
  let threadId = '';
  let replyTo = '';
  let replyToOf: Record<string, string> = {};

  beforeAll(async () => {
    outgoing = await startSmtp();
    t = await testApp(engine, { smtpUrl: `smtp://127.0.0.1:${outgoing.port}` });
    t.deps.config.inboundPort = 0;
    t.deps.config.inboundDomain = 'reply.crossroads.test';
    inbound = await startInboundMail(t.deps, { port: 0, host: '127.0.0.1' });
    f = await allianceWithMembers(t, 'u');
    await t.db.updateTable('users').set({ locale: 'es' }).where('id', '=', c('repY').userId).execute();
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: inbound.port, secure: false, ignoreTLS: true });
    send = (mail) => transport.sendMail({ from: mail.from, to: mail.to, subject: 'Re: update', text: mail.text, html: mail.html, attachments: mail.attachments,
      envelope: { from: mail.envelopeFrom ?? mail.from, to: mail.to } });
  });
  afterAll(async () => { await inbound?.close(); await t?.close(); await outgoing?.close(); });

  it('sends an update to the representatives, each with a reply address of their own', async () => {
    const body = { title: 'Phoenix: who can go', body: 'We need **ten organizers** in Phoenix next week. Reply with how many your alliance can send.', audience: 'representatives' };
    expect((await c('repX').post(`/api/alliances/${f.alliance.id}/updates`, body)).status).toBe(403);
    expect((await c('outsider').post(`/api/alliances/${f.alliance.id}/updates`, body)).status).toBe(404);
    const sent = await c('coordinator').post(`/api/alliances/${f.alliance.id}/updates`, body);
    expect(sent.status).toBe(201);
    expect(sent.json).toMatchObject({ recipients: 4, emailed: 4 });
    threadId = sent.json.threadId;
    await t.deps.mailer.idle();
    const mail = outgoing.received.splice(0);
    expect(mail.flatMap((m) => m.to).sort()).toEqual(['altX-u@example.org', 'repX-u@example.org', 'repY-u@example.org', 'repZ-u@example.org']);
    const x = mail.find((m) => m.to[0] === 'repX-u@example.org')!;
    expect(x.subject).toBe('[Alliance u] Phoenix: who can go');
    expect(x.text).toContain('Reply to this email to answer in the thread');
    expect(mail.find((m) => m.to[0] === 'repY-u@example.org')!.text).toContain('Responda a este correo');
    expect(x.replyTo).toMatch(/^reply\+[0-9a-f]{32}\.[0-9a-f]{20}@reply\.crossroads\.test$/);
    expect(new Set(mail.map((m) => m.replyTo)).size).toBe(4);
    replyTo = x.replyTo!;
    replyToOf = Object.fromEntries(mail.map((m) => [m.to[0]!, m.replyTo!]));
    expect((await c('repX').get('/api/notifications')).json.notifications[0]).toMatchObject({ kind: 'update', threadId });
    expect((await c('funder').get(`/api/alliances/${f.alliance.id}/updates`)).json.updates[0]).toMatchObject({ title: 'Phoenix: who can go', recipients: 4 });
  });

  it('puts a reply by email into the thread as the person\'s post, without the quoted text or signature', async () => {
    await send({ from: '"Xochitl Rep" <repX-u@example.org>', to: replyTo,
      text: 'We can send three organizers from Monday.\n\nXochitl\n--\nXochitl Rep | Member X\n\nOn Mon, Dec 7, 2026 at 6:00 PM Crossroads <no-reply@crossroads.test> wrote:\n> We need **ten organizers** in Phoenix next week.\n> Reply with how many your alliance can send.' });
    const thread = (await c('coordinator').get(`/api/threads/${threadId}`)).json;
    expect(thread.posts).toHaveLength(2);
    expect(thread.posts[1]).toMatchObject({ authorId: c('repX').userId, via: 'email' });
    expect(thread.posts[1].body).toBe('We can send three organizers from Monday.\n\nXochitl');
    expect(thread.posts[1].body).not.toContain('ten organizers');
    // The coordinator follows the update's thread and hears of the reply.
    expect((await c('coordinator').get('/api/notifications')).json.notifications[0]).toMatchObject({ kind: 'thread_post', threadId });
    expect((await c('coordinator').get(`/api/alliances/${f.alliance.id}/updates`)).json.updates[0].emailReplies).toBe(1);
  });

  it('keeps the files of a reply in the library of the thread\'s space, and names on the post the ones it does not take', async () => {
    const report = Buffer.from(pdfOf('Los inquilinos se organizan contra los desalojos en cada edificio'));
    const logo = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    await send({ from: 'repY-u@example.org', to: replyToOf['repY-u@example.org']!, text: 'Aquí está el informe de la fase 1.\n\n--\nYolanda',
      html: '<p>Aquí está el informe de la fase 1.</p><p>--<br>Yolanda <img src="cid:logo@member-y"></p>',
      attachments: [{ filename: 'informe-fase-1.pdf', content: report }, { filename: 'herramienta.exe', content: Buffer.from([0x4d, 0x5a, 0x90, 0, 1, 2, 3]) },
        { filename: 'logo.png', content: logo, cid: 'logo@member-y' }] });
    const post = (await c('funder').get(`/api/threads/${threadId}`)).json.posts.at(-1);
    expect(post).toMatchObject({ authorId: c('repY').userId, via: 'email', body: 'Aquí está el informe de la fase 1.' });
    // The signature's logo is part of the signature, not a file that was sent.
    expect(post.attachments).toEqual([expect.objectContaining({ title: 'informe-fase-1', fileName: 'informe-fase-1.pdf', contentType: 'application/pdf', version: 1, size: report.length })]);
    expect(post.droppedAttachments).toEqual([{ name: 'herramienta.exe', reason: 'unsupported' }]);
    // In the alliance's library, in the sender's language, its words found in Spanish; whoever reads the thread downloads it.
    const library = (await c('funder').get(`/api/spaces/${f.allianceSpaceId}/library?q=desalojo`)).json.items;
    expect(library).toEqual([expect.objectContaining({ id: post.attachments[0].id, language: 'es', description: 'Adjunto de una respuesta por correo en la conversación «Phoenix: who can go».' })]);
    const file = await t.app.request(`${ORIGIN}/api/library/${post.attachments[0].id}/files/1`, { headers: { cookie: c('funder').cookie } });
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(report)).toBe(true);
    expect((await c('outsider').get(`/api/library/${post.attachments[0].id}`)).status).toBe(404);
  });

  it('refuses a forged sender, a forged address and an unknown one, creating nothing', async () => {
    const before = (await t.db.selectFrom('posts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    // Someone else writes from their own address to repX's reply address.
    await expect(send({ from: 'repY-u@example.org', to: replyTo, text: 'I am X, honest.' })).rejects.toThrow(/550/);
    // The From header says repX but the envelope does not.
    await expect(send({ from: 'repX-u@example.org', envelopeFrom: 'attacker@evil.example', to: replyTo, text: 'Spoofed.' })).rejects.toThrow(/550/);
    // A changed signature, a changed id, a plain address.
    const [local, domain] = replyTo.split('@');
    const badSignature = `${local!.slice(0, -4)}${local!.slice(-4) === '0000' ? '1111' : '0000'}@${domain}`;
    await expect(send({ from: 'repX-u@example.org', to: badSignature, text: 'Hello.' })).rejects.toThrow(/550/);
    await expect(send({ from: 'repX-u@example.org', to: `coordinator@${domain}`, text: 'Hello.' })).rejects.toThrow(/550/);
    await expect(send({ from: 'repX-u@example.org', to: `${local}@elsewhere.example`, text: 'Hello.' })).rejects.toThrow(/550/);
    // An empty reply (only the quote) posts nothing either.
    await expect(send({ from: 'repX-u@example.org', to: replyTo, text: 'On Monday Crossroads wrote:\n> We need ten organizers.' })).rejects.toThrow(/550/);
    const after = (await t.db.selectFrom('posts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    expect(Number(after)).toBe(Number(before));
    // Refusals of a real address are logged in its space; guessed addresses are not (nobody fills the log from outside).
    const refusals = await t.db.selectFrom('audit_log').select('changes').where('action', '=', 'email_refused').execute();
    expect(refusals.map((r) => (r.changes as { reason: string }).reason).sort()).toEqual(['empty reply', 'sender does not match', 'sender does not match']);
    // Nothing of the mail is logged.
    expect(JSON.stringify(refusals)).not.toMatch(/honest|Spoofed|repY-u|attacker/);
  });

  it('stops taking a person\'s replies once they have no role to write in the thread', async () => {
    await t.db.deleteFrom('space_roles').where('space_id', '=', f.allianceSpaceId).where('user_id', '=', c('repX').userId).execute();
    await expect(send({ from: 'repX-u@example.org', to: replyTo, text: 'Still here?' })).rejects.toThrow(/550/);
  });

  it('sends a daily digest instead to those who chose it', async () => {
    expect((await c('repZ').put('/api/me/digest', { digest: true })).status).toBe(200);
    await c('coordinator').post(`/api/alliances/${f.alliance.id}/updates`, { title: 'Budget call', body: 'Thursday at 4.', audience: 'representatives' });
    await t.deps.mailer.idle();
    const direct = outgoing.received.splice(0);
    expect(direct.flatMap((m) => m.to)).not.toContain('repZ-u@example.org');
    expect(await sendDueDigests(t.deps)).toBe(0);
    expect(await sendDueDigests(t.deps, new Date(Date.now() + 25 * 3600_000))).toBe(1);
    await t.deps.mailer.idle();
    const digest = outgoing.received.splice(0);
    expect(digest).toHaveLength(1);
    expect(digest[0]).toMatchObject({ to: ['repZ-u@example.org'], subject: 'Crossroads digest: 1 update' });
    expect(digest[0]!.text).toContain('[Alliance u] Budget call');
    expect(await sendDueDigests(t.deps, new Date(Date.now() + 50 * 3600_000))).toBe(0);
  });
});
