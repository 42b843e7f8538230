/**
 * Email continuation over real SMTP: an agent's reply on a widget conversation reaches the customer's mailbox once
 * the widget has been away for two minutes (and not while they are there); their email answer joins the same
 * ticket and shows in the widget: one ticket, one timeline.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import nodemailer from 'nodemailer';
import type { Database } from '../src/db/database.ts';
import { WIDGET_PRESENT_MS } from '../src/email/outbound.ts';
import type { Jobs } from '../src/jobs/jobs.ts';
import { until } from './smtp-sink.ts';
import { startMailRig, type MailRig } from './mail-rig.ts';

describe('widget conversation continued by email (real SMTP)', () => {
  let database: Database;
  let jobs: Jobs;
  let app: FastifyInstance;
  let inbound: { port: number; close(): Promise<void> };
  let sink: MailRig['sink'];
  let token: string;

  let rig: MailRig;
  before(async () => {
    rig = await startMailRig({ ownerName: 'Olga Owner', dirPrefix: 'heed-widget-mail' });
    ({ database, jobs, app, inbound, sink, token } = rig);
  });
  after(() => rig.close());

  const agentReply = async (ticketId: string, body: string) => {
    const res = await app.inject({ method: 'POST', url: `/api/v1/tickets/${ticketId}/messages`, payload: { kind: 'reply', body }, headers: { authorization: `Bearer ${token}` } });
    assert.equal(res.statusCode, 201, res.body);
    return JSON.parse(res.body).message.id as string;
  };

  it('emails the reply only after the customer left, and their email answer lands in the same conversation', async () => {
    const started = await app.inject({ method: 'POST', url: '/api/v1/public/conversations', payload: { name: 'Wren', email: 'wren@customer.example', body: 'Can I change my delivery address?' } });
    assert.equal(started.statusCode, 201, started.body);
    const { token: chat, number } = JSON.parse(started.body) as { token: string; number: number };
    const ticket = await database.db.selectFrom('tickets').select('id').where('number', '=', number).executeTakeFirstOrThrow();

    // The customer is in the widget: the reply stays there.
    const present = await agentReply(ticket.id, 'Yes, what is the new address?');
    const queued = await database.db.selectFrom('message_emails').select('message_id').where('message_id', '=', present).executeTakeFirst();
    assert.equal(queued, undefined);

    // The customer closed the page more than two minutes ago: the next reply goes by email too.
    await database.db.updateTable('conversation_tokens').set({ last_seen_at: new Date(Date.now() - WIDGET_PRESENT_MS - 5_000) }).where('ticket_id', '=', ticket.id).execute();
    await agentReply(ticket.id, 'Still there? Send me the new address when you can.');
    const mail = await until('the reply in the customer mailbox', async () => sink.received.find((m) => m.text?.includes('Send me the new address')));
    assert.equal((mail.to as { value: { address: string }[] }).value[0]!.address, 'wren@customer.example');
    assert.match(mail.subject ?? '', new RegExp(`\\[#${number}\\]$`));
    assert.equal(sink.received.filter((m) => m.text?.includes('what is the new address?')).length, 0, 'the reply seen in the widget was not mailed');

    // The customer answers by email: the message joins the same ticket, and the widget shows it.
    await nodemailer.createTransport({ host: '127.0.0.1', port: inbound.port, secure: false, ignoreTLS: true }).sendMail({
      from: 'wren@customer.example',
      to: mail.replyTo!.value[0]!.address!,
      subject: mail.subject,
      text: '12 Elm Street, please.',
      inReplyTo: String(mail.messageId),
      references: [String(mail.messageId)],
    });
    await until('the email answer on the ticket', async () =>
      database.db.selectFrom('messages').select('id').where('ticket_id', '=', ticket.id).where('body_text', 'like', '12 Elm Street%').executeTakeFirst());
    const view = await app.inject({ method: 'GET', url: '/api/v1/public/conversations/current', headers: { authorization: `Bearer ${chat}` } });
    const messages = JSON.parse(view.body).messages as { from: string; body: string }[];
    assert.deepEqual(messages.map((m) => m.from), ['customer', 'agent', 'agent', 'customer']);
    assert.match(messages[3]!.body, /^12 Elm Street, please\./);
    const tickets = await database.db.selectFrom('tickets').select('id').execute();
    assert.equal(tickets.length, 1, 'one ticket, one timeline');
  });
});
