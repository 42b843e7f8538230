import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { dbNow, type Queryable } from '../db/database.ts';
import type { Role } from '../db/types.ts';

/** The agent a request acts as, once its credentials are checked. */
export type Principal = {
  agentId: string;
  role: Role;
  via: 'session' | 'api' | 'cookie';
  tokenId: string;
  csrfToken: string | null;
};

export const hashPassword = (password: string) => hash(password);

/** Checks a password against an argon2 hash; a missing or malformed hash never matches. */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// A random token is hashed with SHA-256 before storage: it has 256 bits of entropy, so a slow hash adds nothing.
const digest = (token: string) => createHash('sha256').update(token).digest('hex');
const newSecret = (prefix: string) => `${prefix}_${randomBytes(32).toString('base64url')}`;

/** Issues a session (login) or long-lived API token; only its hash is stored. */
export async function issueToken(
  db: Queryable,
  input: { agentId: string; kind: 'session' | 'api'; name?: string; ttlHours?: number },
): Promise<{ id: string; token: string; csrfToken: string | null; expiresAt: Date | null }> {
  const token = newSecret(input.kind === 'api' ? 'heed_api' : 'heed_s');
  const csrfToken = input.kind === 'session' ? randomBytes(24).toString('base64url') : null;
  const expiresAt = input.ttlHours ? new Date(Date.now() + input.ttlHours * 3600_000) : null;
  const row = await db
    .insertInto('auth_tokens')
    .values({
      agent_id: input.agentId,
      kind: input.kind,
      name: input.name ?? null,
      token_hash: digest(token),
      csrf_token: csrfToken,
      expires_at: expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, token, csrfToken, expiresAt };
}

/** Finds the active agent behind a token, or undefined when the token is unknown, revoked or expired. */
export async function resolveToken(db: Queryable, token: string) {
  if (token.length < 10 || token.length > 200) return undefined;
  return db
    .selectFrom('auth_tokens as t')
    .innerJoin('agents as a', 'a.id', 't.agent_id')
    .select(['t.id as tokenId', 't.kind', 't.csrf_token as csrfToken', 'a.id as agentId', 'a.role'])
    .where('t.token_hash', '=', digest(token))
    .where('t.revoked_at', 'is', null)
    .where('a.active', '=', true)
    .where((eb) => eb.or([eb('t.expires_at', 'is', null), eb('t.expires_at', '>', dbNow())]))
    .executeTakeFirst();
}

export async function revokeToken(db: Queryable, tokenId: string): Promise<void> {
  await db.updateTable('auth_tokens').set({ revoked_at: dbNow() }).where('id', '=', tokenId).execute();
}
