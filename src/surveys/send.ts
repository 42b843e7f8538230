import { sql } from 'kysely';
import type { Db, Tx } from '../db/database.ts';
import { queueSystemEmail } from '../email/system-mail.ts';
import { recordEvent } from '../events/record.ts';
import type { Jobs } from '../jobs/jobs.ts';
import { escapeHtml } from '../knowledge/help/html.ts';
import { newSurveyToken } from './tokens.ts';

const DAY = 86_400_000;
// Tickets solved longer ago than this are not surveyed any more (a late survey asks about a faded memory).
export const SOLVED_WINDOW_DAYS = 7;

export type Scale = 'five' | 'binary';

/** The rating links of one survey: five numbered links, or good and bad for the binary scale. */
export function ratingLinks(publicUrl: string, token: string, scale: Scale): { label: string; url: string }[] {
  const base = `${publicUrl.replace(/\/+$/, '')}/survey/${token}?rating=`;
  if (scale === 'binary') return [{ label: 'Good', url: `${base}good` }, { label: 'Bad', url: `${base}bad` }];
  const words = ['1 - Very poor', '2 - Poor', '3 - Okay', '4 - Good', '5 - Excellent'];
  return words.map((label, i) => ({ label, url: `${base}${i + 1}` }));
}

/** The invitation: subject, plain text and HTML (every ticket-provided text escaped). */
export function surveyEmail(p: { workspace: string; number: number; subject: string; links: { label: string; url: string }[] }) {
  const subject = `How did we do on #${p.number} ${p.subject}?`.replace(/[\r\n]+/g, ' ').slice(0, 300);
  const text = [
    `How did we do on #${p.number} ${p.subject}?`,
    '',
    'One click is enough: choose the answer that fits.',
    '',
    ...p.links.map((l) => `${l.label}: ${l.url}`),
    '',
    `Thank you, ${p.workspace}`,
  ].join('\n');
  const items = p.links.map((l) => `<li><a href="${escapeHtml(l.url)}">${escapeHtml(l.label)}</a></li>`).join('');
  const html = `<p>How did we do on #${p.number} ${escapeHtml(p.subject)}?</p><p>One click is enough: choose the answer that fits.</p><ul>${items}</ul><p>Thank you, ${escapeHtml(p.workspace)}</p>`;
  return { subject, text, html };
}

type Candidate = { id: string };

/**
 * Surveys one solved ticket in the caller's transaction, if it still qualifies: solved or closed, solved within
 * the window, no survey yet, and its requester not surveyed within the quiet period before the ticket was solved
 * (nor since). The survey row is stored even when the customer has no email address (the portal shows it); the
 * email is queued only when there is one. Returns whether a survey was created.
 */
async function surveyTicket(tx: Tx, jobs: Jobs | undefined, ticketId: string, o: { at: Date; publicUrl: string }): Promise<boolean> {
  const w = await tx.selectFrom('workspace').select(['name', 'survey_scale', 'survey_quiet_days']).executeTakeFirstOrThrow();
  const t = await tx
    .selectFrom('tickets')
    .select(['id', 'number', 'subject', 'status', 'solved_at', 'requester_id', 'owner_id', 'team_id', 'channel'])
    .where('id', '=', ticketId)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
  if (!t || !t.solved_at || (t.status !== 'solved' && t.status !== 'closed')) return false;
  if (t.solved_at.getTime() < o.at.getTime() - SOLVED_WINDOW_DAYS * DAY) return false;
  if (w.survey_quiet_days > 0) {
    const recent = await tx
      .selectFrom('surveys')
      .select('id')
      .where('customer_id', '=', t.requester_id)
      .where('sent_at', '>', new Date(t.solved_at.getTime() - w.survey_quiet_days * DAY))
      .executeTakeFirst();
    if (recent) return false;
  }
  const { token, hash } = newSurveyToken();
  const survey = await tx
    .insertInto('surveys')
    .values({
      ticket_id: t.id,
      customer_id: t.requester_id,
      token_hash: hash,
      agent_id: t.owner_id,
      team_id: t.team_id,
      channel: t.channel,
      scale: w.survey_scale,
      sent_at: o.at,
    })
    .onConflict((oc) => oc.column('ticket_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!survey) return false;
  const email = await tx
    .selectFrom('customer_identities')
    .select('value')
    .where('customer_id', '=', t.requester_id)
    .where('kind', '=', 'email')
    .where('bounced_at', 'is', null)
    .orderBy('created_at')
    .executeTakeFirst();
  if (email) {
    const mail = surveyEmail({ workspace: w.name, number: t.number, subject: t.subject, links: ratingLinks(o.publicUrl, token, w.survey_scale) });
    await queueSystemEmail(tx, jobs, { kind: 'survey', to: email.value, ticketId: t.id, ...mail });
  }
  await recordEvent(tx, {
    action: 'survey.sent',
    entity: 'ticket',
    entityId: t.id,
    ticketId: t.id,
    actor: { kind: 'system' },
    after: { surveyId: survey.id, scale: w.survey_scale, emailed: Boolean(email) },
  });
  return true;
}

/**
 * One round of the survey chain: finds solved tickets without a survey (solved within the window, requester
 * outside the quiet period) and surveys each in a transaction of its own. Returns how many were created.
 */
export async function surveyTick(db: Db, jobs: Jobs | undefined, o: { publicUrl: string; at?: Date; limit?: number }): Promise<number> {
  const at = o.at ?? new Date();
  const since = new Date(at.getTime() - SOLVED_WINDOW_DAYS * DAY);
  const { rows } = await sql<Candidate>`
    select t.id from tickets t cross join workspace w
    where t.status in ('solved', 'closed') and t.solved_at >= ${since}
      and not exists (select 1 from surveys s where s.ticket_id = t.id)
      and (w.survey_quiet_days = 0 or not exists (
        select 1 from surveys s where s.customer_id = t.requester_id
          and s.sent_at > t.solved_at - make_interval(days => w.survey_quiet_days)))
    order by t.solved_at, t.id
    limit ${o.limit ?? 200}`.execute(db);
  let created = 0;
  for (const r of rows) {
    if (await db.transaction().execute((tx) => surveyTicket(tx, jobs, r.id, { at, publicUrl: o.publicUrl }))) created += 1;
  }
  return created;
}
