import type { Db, Tx } from '../db/database.ts';
import { recordCommitments } from '../commitments/service.ts';
import { ticketTime } from '../commitments/time.ts';
import { recordEvent } from '../events/record.ts';
import { HeedError, notFound } from '../http/errors.ts';
import { notify } from '../notifications/service.ts';
import { publish } from '../realtime/events.ts';
import { addBusinessDays } from '../sla/calendar.ts';
import { now } from '../time/clock.ts';
import { hashSurveyToken, isTokenShaped } from './tokens.ts';

const DAY = 86_400_000;
/** A survey takes answers for this long after it is sent. */
export const ANSWER_DAYS = 30;
/** A rating can be changed (another click) for this long after the first answer, unless a comment was sent. */
export const CHANGE_DAYS = 7;
export const COMMENT_MAX = 5000;

/**
 * Words and phrases that make a comment negative (lower case, matched on word boundaries). A small, deliberate
 * list: a false alarm costs a lead one call, a missed one costs a customer.
 */
export const NEGATIVE_PHRASES = [
  'terrible', 'awful', 'useless', 'rude', 'never again', 'disappointed', 'disappointing', 'worst', 'horrible',
  'unacceptable', 'waste of time', 'ignored', 'unhelpful', 'not helpful', 'frustrated', 'frustrating', 'angry',
  'cancel my', 'poor service', 'bad service', 'incompetent', 'ridiculous',
];

/** Whether a comment reads as a complaint (any phrase of NEGATIVE_PHRASES as whole words). */
export function isNegativeComment(comment: string | null | undefined): boolean {
  if (!comment) return false;
  const text = ` ${comment.toLowerCase().replace(/[^\p{L}\p{N}']+/gu, ' ')} `;
  return NEGATIVE_PHRASES.some((p) => text.includes(` ${p} `));
}

/** A rating as stored (1-5) from what the customer sent: 1-5 on the five scale; good/bad (or 5/1) on binary. */
export function parseRating(scale: 'five' | 'binary', raw: unknown): number {
  const bad = (msg: string) => new HeedError('validation_failed', `rating: ${msg}`, [{ field: 'rating', message: msg }]);
  if (scale === 'binary') {
    if (raw === 'good' || raw === 5 || raw === '5') return 5;
    if (raw === 'bad' || raw === 1 || raw === '1') return 1;
    throw bad('must be "good" or "bad"');
  }
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^[1-5]$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 5) throw bad('must be a whole number from 1 to 5');
  return n;
}

export const isLowRating = (rating: number | null) => rating !== null && rating <= 2;

export type SurveyView = {
  id: string; ticketId: string; number: number; subject: string; scale: 'five' | 'binary';
  rating: number | null; comment: string | null; answeredAt: Date | null; sentAt: Date; ratingFinal: boolean; open: boolean;
};

type Row = { id: string; ticket_id: string; number: number; subject: string; scale: 'five' | 'binary'; rating: number | null; comment: string | null; answered_at: Date | null; sent_at: Date; follow_up_commitment_id: string | null; customer_id: string; agent_id: string | null; team_id: string | null };

const view = (r: Row, at: Date): SurveyView => ({
  id: r.id, ticketId: r.ticket_id, number: r.number, subject: r.subject, scale: r.scale, rating: r.rating, comment: r.comment,
  answeredAt: r.answered_at, sentAt: r.sent_at,
  ratingFinal: r.comment !== null || (r.answered_at !== null && at.getTime() - r.answered_at.getTime() > CHANGE_DAYS * DAY),
  open: at.getTime() - r.sent_at.getTime() <= ANSWER_DAYS * DAY,
});

type Locator = { token: string } | { id: string; customerId: string };

async function findSurvey(db: Db | Tx, at: Locator, lock: boolean): Promise<Row> {
  if ('token' in at && !isTokenShaped(at.token)) throw notFound('survey');
  if ('id' in at && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(at.id)) throw notFound('survey');
  let q = db
    .selectFrom('surveys as s')
    .innerJoin('tickets as t', 't.id', 's.ticket_id')
    .select(['s.id', 's.ticket_id', 't.number', 't.subject', 's.scale', 's.rating', 's.comment', 's.answered_at', 's.sent_at', 's.follow_up_commitment_id', 's.customer_id', 's.agent_id', 's.team_id']);
  q = 'token' in at ? q.where('s.token_hash', '=', hashSurveyToken(at.token)) : q.where('s.id', '=', at.id).where('s.customer_id', '=', at.customerId);
  if (lock) q = q.forUpdate('s');
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('survey');
  return row;
}

/** The survey behind a token (404 for an unknown or malformed token). */
export async function surveyByToken(db: Db, token: string): Promise<SurveyView> {
  return view(await findSurvey(db, { token }, false), now());
}

/** A customer's surveys, newest first (for the portal, which has no token: only hashes are stored). */
export async function customerSurveys(db: Db, customerId: string, limit = 100): Promise<SurveyView[]> {
  const rows = await db
    .selectFrom('surveys as s')
    .innerJoin('tickets as t', 't.id', 's.ticket_id')
    .select(['s.id', 's.ticket_id', 't.number', 't.subject', 's.scale', 's.rating', 's.comment', 's.answered_at', 's.sent_at', 's.follow_up_commitment_id', 's.customer_id', 's.agent_id', 's.team_id'])
    .where('s.customer_id', '=', customerId)
    .orderBy('s.sent_at', 'desc')
    .orderBy('s.id')
    .limit(limit)
    .execute();
  const at = now();
  return rows.map((r) => view(r, at));
}

/** Who answers for a bad experience: the lead of the ticket's team (else of a team the owner is in), else the workspace default owner, else the ticket owner. */
async function followUpOwner(tx: Tx, s: Row): Promise<string> {
  const ticket = await tx.selectFrom('tickets').select(['owner_id', 'team_id']).where('id', '=', s.ticket_id).executeTakeFirstOrThrow();
  const teamId = s.team_id ?? ticket.team_id;
  if (teamId) {
    const lead = await tx.selectFrom('teams as t').innerJoin('agents as a', 'a.id', 't.lead_id').select('a.id').where('t.id', '=', teamId).where('a.active', '=', true).executeTakeFirst();
    if (lead) return lead.id;
  }
  const ownerId = s.agent_id ?? ticket.owner_id;
  const viaMember = await tx
    .selectFrom('team_members as m')
    .innerJoin('teams as t', 't.id', 'm.team_id')
    .innerJoin('agents as a', 'a.id', 't.lead_id')
    .select('a.id')
    .where('m.agent_id', '=', ownerId)
    .where('a.active', '=', true)
    .orderBy('t.name')
    .executeTakeFirst();
  if (viaMember) return viaMember.id;
  const w = await tx.selectFrom('workspace as w').innerJoin('agents as a', 'a.id', 'w.default_owner_id').select('a.id').where('a.active', '=', true).executeTakeFirst();
  return w?.id ?? ticket.owner_id;
}

/** Opens the follow-up for a low rating or a negative comment: a commitment owned by the lead, due in one business day, and a notification. */
async function openFollowUp(tx: Tx, s: Row, rating: number, at: Date): Promise<string> {
  const ownerId = await followUpOwner(tx, s);
  const customer = await tx
    .selectFrom('customers as c')
    .leftJoin('customer_identities as i', (j) => j.onRef('i.customer_id', '=', 'c.id').on('i.kind', '=', 'email'))
    .select(['c.name', 'i.value as email'])
    .where('c.id', '=', s.customer_id)
    .executeTakeFirst();
  const who = customer?.name?.trim() || customer?.email || 'the customer';
  const time = await ticketTime(tx, s.ticket_id);
  const due = addBusinessDays(time.calendar, at, 1, time.dayEnd);
  const text = `Call back ${who} about their rating of #${s.number}`.slice(0, 1000);
  const [c] = await recordCommitments(tx, { kind: 'system' }, s.ticket_id, [{ text, action: 'call back', due, messageId: null, source: 'survey' }]);
  await tx.updateTable('commitments').set({ owner_id: ownerId }).where('id', '=', c!.id).execute();
  await tx.updateTable('surveys').set({ follow_up_commitment_id: c!.id }).where('id', '=', s.id).execute();
  const why = s.scale === 'binary' ? 'rated it bad' : `rated it ${rating} of 5`;
  await notify(tx, [{ agentId: ownerId, kind: 'survey.follow_up', ticketId: s.ticket_id, commitmentId: c!.id, body: `#${s.number}: the customer ${why}; please call them back by ${due.toISOString()}` }]);
  return c!.id;
}

/**
 * Records an answer through the survey's token: the rating (a later one replaces it until a comment is sent or
 * CHANGE_DAYS pass; the same rating again is a no-op) and an optional comment (once). A low rating or negative
 * comment opens one follow-up per survey. All in one transaction.
 */
export async function answerSurvey(db: Db, token: string, input: { rating: unknown; comment?: string | null }): Promise<SurveyView> {
  return answer(db, { token }, input);
}

/** The same answer from a signed-in portal customer: only their own survey (any other id is a 404). */
export async function answerCustomerSurvey(db: Db, customerId: string, surveyId: string, input: { rating: unknown; comment?: string | null }): Promise<SurveyView> {
  return answer(db, { id: surveyId, customerId }, input);
}

async function answer(db: Db, where: Locator, input: { rating: unknown; comment?: string | null }): Promise<SurveyView> {
  return db.transaction().execute(async (tx) => {
    const s = await findSurvey(tx, where, true);
    const at = now();
    const current = view(s, at);
    if (!current.open) throw new HeedError('rule_violation', `the survey closed ${ANSWER_DAYS} days after it was sent`);
    const rating = parseRating(s.scale, input.rating);
    const comment = input.comment?.trim() ? input.comment.trim() : null;
    if (comment !== null && comment.length > COMMENT_MAX) throw new HeedError('validation_failed', `comment: must be at most ${COMMENT_MAX} characters`, [{ field: 'comment', message: `must be at most ${COMMENT_MAX} characters` }]);
    if (current.ratingFinal && rating !== s.rating) throw new HeedError('conflict', 'rating: the answer is final and can no longer be changed');
    if (comment !== null && s.comment !== null && comment !== s.comment) throw new HeedError('conflict', 'comment: a comment was already sent for this survey');
    const newComment = s.comment ?? comment;
    if (rating === s.rating && newComment === s.comment) return current;
    const updated = await tx
      .updateTable('surveys')
      .set({ rating, comment: newComment, answered_at: s.answered_at ?? at })
      .where('id', '=', s.id)
      .returning(['rating', 'comment', 'answered_at'])
      .executeTakeFirstOrThrow();
    const next: Row = { ...s, ...updated };
    await recordEvent(tx, {
      action: 'survey.answered',
      entity: 'ticket',
      entityId: s.ticket_id,
      ticketId: s.ticket_id,
      actor: { kind: 'customer', id: s.customer_id },
      before: { rating: s.rating, commented: s.comment !== null },
      after: { surveyId: s.id, rating, commented: newComment !== null },
    });
    const followUp = !s.follow_up_commitment_id && (isLowRating(rating) || isNegativeComment(newComment));
    if (followUp) next.follow_up_commitment_id = await openFollowUp(tx, next, rating, at);
    await publish(tx, { type: 'ticket.updated', ticketId: s.ticket_id, fields: followUp ? ['survey', 'commitments'] : ['survey'], actorId: null });
    return view(next, at);
  });
}
