import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import nodemailer from 'nodemailer';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.ts';
import type { Jobs } from '../jobs/jobs.ts';
import { SMTPServer } from 'smtp-server';
import { createMailer, sendQueuedEmails } from './outbound.ts';
import { until } from '../../test/smtp-sink.ts';
import { startMailRig, type MailRig } from '../../test/mail-rig.ts';

describe('email over real SMTP', () => {
  let database: Database;
  let jobs: Jobs;
  let app: FastifyInstance;
  let inbound: { port: number; close(): Promise<void> };
  let sink: MailRig['sink'];
  let token: string;
  const client = () => nodemailer.createTransport({ host: '127.0.0.1', port: inbound.port, secure: false, ignoreTLS: true });

  let rig: MailRig;
  before(async () => {
    rig = await startMailRig({ ownerName: 'Owner', dirPrefix: 'heed-smtp' });
    ({ database, jobs, app, inbound, sink, token } = rig);
  });
  after(() => rig.close());

  const api = async (method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await app.inject({ method, url, payload, headers: { authorization: `Bearer ${token}` } });
    return { status: res.statusCode, body: JSON.parse(res.body) };
  };
  const ticketOf = async (messageIdHeader: string) =>
    (await database.db.selectFrom('message_emails').select('ticket_id').where('message_id_header', '=', messageIdHeader).executeTakeFirst())?.ticket_id;

  it('a customer email becomes a ticket; the reply goes out threaded; the customer reply joins the ticket', async () => {
    await client().sendMail({
      from: 'Alice Liddell <alice@wonder.example>',
      to: 'support@heed.test',
      cc: 'hatter@wonder.example',
      subject: 'Printer on fire',
      text: 'Our printer is on fire. Please help!',
      messageId: '<first-1@wonder.example>',
    });
    const ticketId = await until('the ticket', () => ticketOf('first-1@wonder.example'));
    const ticket = await api('GET', `/api/v1/tickets/${ticketId}`);
    assert.equal(ticket.body.subject, 'Printer on fire');
    assert.equal(ticket.body.channel, 'email');
    assert.deepEqual(ticket.body.requester.emails, ['alice@wonder.example']);
    assert.equal(ticket.body.requester.name, 'Alice Liddell');

    const reply = await api('POST', `/api/v1/tickets/${ticketId}/messages`, { body: 'We are sending the fire brigade.' });
    assert.equal(reply.status, 201);
    const sent = await until('the reply at the customer', async () => sink.received.find((m) => m.subject?.includes('Printer on fire')));
    const number = ticket.body.number;
    assert.equal(sent.subject, `Re: Printer on fire [#${number}]`);
    assert.equal(sent.inReplyTo, '<first-1@wonder.example>');
    assert.ok(String(sent.references).includes('<first-1@wonder.example>'));
    assert.match(String(sent.messageId), new RegExp(`^<heed\\.${number}\\.[0-9a-f-]+@heed\\.test>$`));
    assert.match(sent.replyTo!.value[0]!.address!, /^support\+[0-9a-f]{20}@heed\.test$/);
    assert.equal((sent.to as { value: { address: string }[] }).value[0]!.address, 'alice@wonder.example');
    assert.equal((sent.cc as { value: { address: string }[] }).value[0]!.address, 'hatter@wonder.example');
    const delivered = await until('delivery state sent', async () => {
      const d = await api('GET', `/api/v1/tickets/${ticketId}`);
      const out = d.body.messages.find((m: { direction: string }) => m.direction === 'outbound');
      return out?.email?.deliveryStatus === 'sent' && out;
    });
    assert.ok(delivered.email.sentAt);

    // The customer answers from a client that keeps the thread, with quoted history.
    await client().sendMail({
      from: 'alice@wonder.example',
      to: sent.replyTo!.value[0]!.address!,
      subject: sent.subject,
      text: 'Thanks, it is out now.\n\nOn Mon, Heed Support wrote:\n> We are sending the fire brigade.',
      inReplyTo: String(sent.messageId),
      references: [String(sent.messageId)],
      messageId: '<second-2@wonder.example>',
    });
    assert.equal(await until('the reply filed', () => ticketOf('second-2@wonder.example')), ticketId);
    const after = await api('GET', `/api/v1/tickets/${ticketId}`);
    assert.equal(after.body.messages.length, 3);
    assert.equal(after.body.status, 'open');
    assert.equal(after.body.messages[2].email.newText, 'Thanks, it is out now.');
  });

  it('keeps connections to the outbound relay open (pooled) unless the URL says pool=false', () => {
    const pooled = createMailer('smtp://user:p%40ss@relay.example:587') as unknown as { transporter: { name: string }; close(): void };
    assert.equal(pooled.transporter.name, 'SMTP (pool)');
    pooled.close();
    const single = createMailer('smtp://relay.example:587?pool=false') as unknown as { transporter: { name: string } };
    assert.equal(single.transporter.name, 'SMTP');
  });

  it("an agent's reply carries its files to the customer", async () => {
    await client().sendMail({ from: 'dodo@wonder.example', to: 'support@heed.test', subject: 'Need the invoice', text: 'Please send it.', messageId: '<files-1@wonder.example>' });
    const ticketId = await until('the ticket', () => ticketOf('files-1@wonder.example'));
    const bytes = Buffer.from('%PDF-1.4 invoice 1042');
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/tickets/${ticketId}/attachments?filename=invoice-1042.pdf`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/pdf' },
      payload: bytes,
    });
    assert.equal(res.statusCode, 201, res.body);
    const reply = await api('POST', `/api/v1/tickets/${ticketId}/messages`, { body: 'Here it is.', attachmentIds: [JSON.parse(res.body).id] });
    assert.equal(reply.status, 201);
    const sent = await until('the reply with its file', async () => sink.received.find((m) => m.subject?.includes('Need the invoice')));
    assert.deepEqual(sent.attachments.map((a) => [a.filename, a.contentType, a.content.toString()]), [['invoice-1042.pdf', 'application/pdf', bytes.toString()]]);
  });

  it('the same subject from someone else is a new ticket; a [#number] from a participant joins', async () => {
    await client().sendMail({ from: 'bob@example.org', to: 'support@heed.test', subject: 'Refund', text: 'Where is my refund?', messageId: '<bob-1@example.org>' });
    const bobTicket = await until('bob ticket', () => ticketOf('bob-1@example.org'));
    const { number } = await database.db.selectFrom('tickets').select('number').where('id', '=', bobTicket).executeTakeFirstOrThrow();
    await client().sendMail({ from: 'carol@example.org', to: 'support@heed.test', subject: 'Refund', text: 'Me too', messageId: '<carol-1@example.org>' });
    assert.notEqual(await until('carol ticket', () => ticketOf('carol-1@example.org')), bobTicket);
    await client().sendMail({ from: 'mallory@example.org', to: 'support@heed.test', subject: `Re: Refund [#${number}]`, text: 'Give me his refund', messageId: '<mal-1@example.org>' });
    assert.notEqual(await until('mallory ticket', () => ticketOf('mal-1@example.org')), bobTicket, 'a stranger cannot join by [#number]');
    await client().sendMail({ from: 'bob@example.org', to: 'support@heed.test', subject: `Re: Refund [#${number}]`, text: 'Any news?', messageId: '<bob-2@example.org>' });
    assert.equal(await until('bob follow-up', () => ticketOf('bob-2@example.org')), bobTicket);
  });

  it('stores a reused Message-ID from another sender as its own message, and ignores a true duplicate', async () => {
    const raw = (from: string, body: string) =>
      `From: ${from}\r\nTo: support@heed.test\r\nSubject: Same id\r\nMessage-ID: <reused-1@example.net>\r\n\r\n${body}\r\n`;
    const send = (r: string) => client().sendMail({ envelope: { from: 'x@example.net', to: ['support@heed.test'] }, raw: r });
    await send(raw('dave@example.net', 'first'));
    await send(raw('dave@example.net', 'first'));
    await send(raw('erin@example.net', 'first'));
    await send(raw('dave@example.net', 'different content'));
    const rows = await database.db.selectFrom('inbound_emails').select(['outcome', 'from_address']).where('message_id', '=', 'reused-1@example.net').orderBy('created_at').execute();
    assert.deepEqual(rows.map((r) => r.outcome), ['ticketed', 'duplicate', 'ticketed', 'ticketed']);
    const messages = await database.db.selectFrom('message_emails').select('message_id').where('message_id_header', '=', 'reused-1@example.net').execute();
    assert.equal(messages.length, 3);
  });

  it('refuses mail for addresses that are not mailboxes, too many recipients and oversized messages, and stays up', async () => {
    await assert.rejects(client().sendMail({ from: 'a@example.com', to: 'nobody@heed.test', subject: 'x', text: 'x' }), /550/);
    const strangers = Array.from({ length: 5000 }, (_, i) => `u${i}@heed.test`);
    const wide = await client().sendMail({ from: 'a@example.com', to: ['support@heed.test', ...strangers], subject: '5,000 recipients', text: 'x' });
    assert.deepEqual(wide.accepted, ['support@heed.test']);
    assert.equal(wide.rejected.length, 5000);
    const tagged = Array.from({ length: 150 }, (_, i) => `support+t${i}@heed.test`);
    const capped = await client().sendMail({ from: 'a@example.com', to: tagged, subject: 'many tags', text: 'x' });
    assert.equal(capped.accepted.length, 100, 'at most 100 recipients per message');
    assert.match(String((capped.rejectedErrors ?? [])[0]?.response ?? ''), /^452/);
    await assert.rejects(client().sendMail({ from: 'a@example.com', to: 'support@heed.test', subject: 'big', text: 'x'.repeat(3 * 1024 * 1024) }), /552/);
    const ok = await client().sendMail({ from: 'a@example.com', to: 'support@heed.test', subject: 'still here', text: 'a 1 MB line follows\n' + 'y'.repeat(1024 * 1024) });
    assert.match(ok.response, /^250/);
  });

  it('sends a batch in one read and one write; a refused address fails alone and a busy one is retried alone', async () => {
    const ids: string[] = [];
    for (const who of ['ok-batch', 'busy-batch', 'gone-batch']) {
      await client().sendMail({ from: `${who}@example.com`, to: 'support@heed.test', subject: 'Batch', text: 'Hi', messageId: `<${who}@example.com>` });
      const ticketId = await until('ticket', () => ticketOf(`${who}@example.com`));
      await api('POST', `/api/v1/tickets/${ticketId}/messages`, { body: 'Hello back' });
      const out = await until('queued reply', () =>
        database.db.selectFrom('message_emails').select('message_id').where('ticket_id', '=', ticketId).where('direction', '=', 'outbound').executeTakeFirst());
      await until('sent by the rig', async () => (await database.db.selectFrom('message_emails').select('delivery_status').where('message_id', '=', out.message_id).executeTakeFirst())?.delivery_status === 'sent');
      ids.push(out.message_id);
    }
    // Queued again, for a relay that is busy for one address and refuses another.
    await database.db.updateTable('message_emails').set({ delivery_status: 'queued', delivery_attempts: 0 }).where('message_id', 'in', ids).execute();
    let delivered = 0;
    const relay = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onRcptTo(address, _session, done) {
        if (address.address.startsWith('busy-')) return done(Object.assign(new Error('mailbox busy, try later'), { responseCode: 451 }));
        if (address.address.startsWith('gone-')) return done(Object.assign(new Error('no such user'), { responseCode: 550 }));
        done();
      },
      onData(stream, _session, done) {
        stream.on('end', () => {
          delivered++;
          done();
        });
        stream.resume();
      },
    });
    await new Promise<void>((r) => relay.listen(0, '127.0.0.1', () => r()));
    const mailer = createMailer(`smtp://127.0.0.1:${(relay.server.address() as { port: number }).port}?ignoreTLS=true`);
    try {
      const failed = await sendQueuedEmails(database.db, rig.storage, mailer, ids.map((messageId, i) => ({ jobId: `job-${i}`, messageId, attempt: { retryCount: 0, retryLimit: 3 } })));
      assert.deepEqual([...failed.keys()], ['job-1'], 'only the busy address is retried');
      const rows = await database.db.selectFrom('message_emails').select(['message_id', 'delivery_status', 'delivery_attempts', 'delivery_error']).where('message_id', 'in', ids).execute();
      const by = new Map(rows.map((r) => [r.message_id, r]));
      assert.deepEqual([by.get(ids[0]!)!.delivery_status, by.get(ids[0]!)!.delivery_attempts, by.get(ids[0]!)!.delivery_error], ['sent', 1, null]);
      assert.deepEqual([by.get(ids[1]!)!.delivery_status, by.get(ids[1]!)!.delivery_attempts], ['queued', 1]);
      assert.match(by.get(ids[1]!)!.delivery_error ?? '', /busy/);
      assert.equal(by.get(ids[2]!)!.delivery_status, 'failed');
      assert.match(by.get(ids[2]!)!.delivery_error ?? '', /no such user/);
      assert.equal(delivered, 1);
      // Sent again (a job run twice): nothing goes out twice.
      assert.equal((await sendQueuedEmails(database.db, rig.storage, mailer, [{ jobId: 'again', messageId: ids[0]!, attempt: { retryCount: 0, retryLimit: 3 } }])).size, 0);
      assert.equal(delivered, 1);
    } finally {
      mailer.close?.();
      await new Promise<void>((r) => relay.close(() => r()));
    }
  });

  it('a bounce marks the outbound message failed and flags the address', async () => {
    await client().sendMail({ from: 'gone@example.com', to: 'support@heed.test', subject: 'Hello', text: 'Hi', messageId: '<gone-1@example.com>' });
    const ticketId = await until('ticket', () => ticketOf('gone-1@example.com'));
    await api('POST', `/api/v1/tickets/${ticketId}/messages`, { body: 'Hello back' });
    const out = await until('queued reply', () =>
      database.db.selectFrom('message_emails').select(['message_id', 'message_id_header']).where('ticket_id', '=', ticketId).where('direction', '=', 'outbound').executeTakeFirst());
    await until('sent', async () => (await database.db.selectFrom('message_emails').select('delivery_status').where('message_id', '=', out.message_id).executeTakeFirst())?.delivery_status === 'sent');
    const dsn = [
      'From: Mail Delivery System <MAILER-DAEMON@mx.example.com>',
      'To: support@heed.test',
      'Subject: Undelivered Mail Returned to Sender',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain',
      '',
      'Your message could not be delivered.',
      '--b1',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.com',
      '',
      'Final-Recipient: rfc822; gone@example.com',
      'Action: failed',
      'Status: 5.1.1',
      'Diagnostic-Code: smtp; 550 5.1.1 user unknown',
      '--b1',
      'Content-Type: text/rfc822-headers',
      '',
      `Message-ID: <${out.message_id_header}>`,
      'Subject: Re: Hello',
      '--b1--',
      '',
    ].join('\r\n');
    await client().sendMail({ envelope: { from: '', to: ['support@heed.test'] }, raw: dsn });
    const state = await until('failed', async () => {
      const r = await database.db.selectFrom('message_emails').select(['delivery_status', 'delivery_error']).where('message_id', '=', out.message_id).executeTakeFirst();
      return r?.delivery_status === 'failed' && r;
    });
    assert.match(state.delivery_error!, /user unknown/);
    const identity = await database.db.selectFrom('customer_identities').select('bounced_at').where('value', '=', 'gone@example.com').executeTakeFirstOrThrow();
    assert.ok(identity.bounced_at);
    const ticket = await api('GET', `/api/v1/tickets/${ticketId}`);
    assert.equal(ticket.body.messages.length, 2, 'the bounce is not a customer message');
  });

  it('an automatic reply is recorded on its ticket but reopens nothing', async () => {
    await client().sendMail({ from: 'frank@example.com', to: 'support@heed.test', subject: 'Question', text: 'Hi', messageId: '<frank-1@example.com>' });
    const ticketId = await until('ticket', () => ticketOf('frank-1@example.com'));
    await api('POST', `/api/v1/tickets/${ticketId}/messages`, { body: 'Answered', status: 'solved' });
    const out = await until('out', () => database.db.selectFrom('message_emails').select('message_id_header').where('ticket_id', '=', ticketId).where('direction', '=', 'outbound').executeTakeFirst());
    await client().sendMail({
      from: 'frank@example.com',
      to: 'support@heed.test',
      subject: 'Out of office',
      text: 'I am away until Monday.',
      inReplyTo: `<${out.message_id_header}>`,
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    await until('auto reply filed', async () => (await database.db.selectFrom('inbound_emails').select('id').where('outcome', '=', 'auto_reply').where('ticket_id', '=', ticketId).executeTakeFirst()));
    const t = await api('GET', `/api/v1/tickets/${ticketId}`);
    assert.equal(t.body.status, 'solved');
    assert.equal(t.body.messages.length, 3);
  });
});
