import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db, Queryable } from '../db/database.ts';
import type { Jobs } from '../jobs/jobs.ts';
import { queueSystemEmail } from '../email/system-mail.ts';
import { HeedError } from '../http/errors.ts';
import { HOUR, MINUTE, now } from '../time/clock.ts';

export const PORTAL_COOKIE = 'heed_portal';
export const LINK_TTL_MS = 15 * MINUTE;
export const SESSION_TTL_MS = 7 * 24 * HOUR;
/** Sign-in links one address may receive per hour; more requests still answer 202 but send nothing. */
export const LINKS_PER_HOUR = 5;

const digest = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = (prefix: string) => `${prefix}_${randomBytes(32).toString('base64url')}`;

/** The CSRF token of a cookie session: derived from the session secret, so only its holder's page can know it. */
export const csrfFor = (sessionToken: string) => createHash('sha256').update(`heed-portal-csrf:${sessionToken}`).digest('base64url');

/** Compares two secrets in constant time. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Mails a one-time sign-in link when the address belongs to a customer and the address has had fewer than
 * LINKS_PER_HOUR links in the last hour. Unknown addresses do the same token and lookup work and send nothing,
 * so the answer (and roughly its time) never tells whether the address is known.
 */
export async function requestLink(db: Db, jobs: Jobs | undefined, input: { email: string; publicUrl: string }): Promise<void> {
  const token = newToken('heed_pl');
  const tokenHash = digest(token);
  const at = now();
  await db.transaction().execute(async (tx) => {
    const identity = await tx
      .selectFrom('customer_identities')
      .select('customer_id')
      .where('kind', '=', 'email')
      .where('value', '=', input.email)
      .executeTakeFirst();
    const recent = await tx
      .selectFrom('portal_links')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('email', '=', input.email)
      .where('created_at', '>', new Date(at.getTime() - HOUR))
      .executeTakeFirstOrThrow();
    if (!identity || Number(recent.n) >= LINKS_PER_HOUR) return;
    await tx
      .insertInto('portal_links')
      .values({ customer_id: identity.customer_id, email: input.email, token_hash: tokenHash, created_at: at, expires_at: new Date(at.getTime() + LINK_TTL_MS) })
      .execute();
    const ws = await tx.selectFrom('workspace').select('name').executeTakeFirst();
    const name = ws?.name ?? 'Heed';
    const link = `${input.publicUrl.replace(/\/+$/, '')}/portal/auth?token=${encodeURIComponent(token)}`;
    await queueSystemEmail(tx, jobs, {
      kind: 'portal_link',
      to: input.email,
      subject: `Your sign-in link for ${name} support`,
      text: `Hello,\n\nOpen this link to see your support requests with ${name}:\n\n${link}\n\nThe link works once and expires in 15 minutes. If you did not ask for it, you can ignore this email.\n`,
    });
  });
}

/** Exchanges a sign-in link for a 7-day portal session; a used, expired or unknown link is a 401. */
export async function exchangeLink(db: Db, token: string): Promise<{ token: string; expiresAt: Date; customerId: string }> {
  const refused = () => new HeedError('invalid_credentials', 'this sign-in link has expired or was already used; ask for a new one');
  if (token.length < 10 || token.length > 200) throw refused();
  const at = now();
  return db.transaction().execute(async (tx) => {
    const link = await tx
      .updateTable('portal_links')
      .set({ used_at: at })
      .where('token_hash', '=', digest(token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', at)
      .returning('customer_id')
      .executeTakeFirst();
    if (!link) throw refused();
    const session = newToken('heed_p');
    const expiresAt = new Date(at.getTime() + SESSION_TTL_MS);
    await tx.insertInto('portal_sessions').values({ customer_id: link.customer_id, token_hash: digest(session), created_at: at, expires_at: expiresAt }).execute();
    return { token: session, expiresAt, customerId: link.customer_id };
  });
}

export type PortalCustomer = { sessionId: string; customerId: string; organizationId: string | null; name: string | null };

/** The customer behind a live portal session token, or undefined. */
export async function resolveSession(db: Queryable, token: string): Promise<PortalCustomer | undefined> {
  if (token.length < 10 || token.length > 200) return undefined;
  const row = await db
    .selectFrom('portal_sessions as s')
    .innerJoin('customers as c', 'c.id', 's.customer_id')
    .select(['s.id as sessionId', 'c.id as customerId', 'c.organization_id as organizationId', 'c.name'])
    .where('s.token_hash', '=', digest(token))
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', now())
    .executeTakeFirst();
  return row;
}

/** Ends a portal session. */
export async function revokeSession(db: Queryable, sessionId: string): Promise<void> {
  await db.updateTable('portal_sessions').set({ revoked_at: now() }).where('id', '=', sessionId).execute();
}
