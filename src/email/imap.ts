/**
 * IMAP intake: a support mailbox hosted elsewhere, polled by a job. Each message goes through the same pipeline
 * as SMTP (`recordInboundEmail`); only after it is committed is it flagged, moved or deleted on the server and
 * the mailbox's position (last UID) advanced, so a failure at any point loses nothing: the next poll resumes
 * from the last committed message, and the pipeline's duplicate detection absorbs a message filed twice.
 */
import { randomUUID } from 'node:crypto';
import { ImapFlow } from 'imapflow';
import { sql, type Selectable } from 'kysely';
import type { AttachmentStorage } from '../attachments/storage.ts';
import { dbNow, type Db, type Queryable, type Tx } from '../db/database.ts';
import type { MailboxImapTable } from '../db/types.ts';
import { recordEvent, type Actor } from '../events/record.ts';
import { HeedError } from '../http/errors.ts';
import type { Jobs, QueueSpec } from '../jobs/jobs.ts';
import { now } from '../time/clock.ts';
import { recordInboundEmail } from './ingest.ts';

export const IMAP_POLL_QUEUE = 'email.imap-poll';

/** One poll per mailbox at a time: `stately` keeps one queued and one running job per singleton key (the mailbox id). */
export const imapQueueSpec: QueueSpec = { name: IMAP_POLL_QUEUE, policy: 'stately', retryLimit: 5, retryDelaySeconds: 30, expireInSeconds: 15 * 60 };

export type AfterImport = 'seen' | 'move' | 'delete';
export type ImapRow = Selectable<MailboxImapTable>;
export type ImapSettingsInput = {
  host?: string;
  port?: number;
  secure?: boolean;
  user?: string;
  password?: string;
  folder?: string;
  afterImport?: AfterImport;
  moveTo?: string | null;
  enabled?: boolean;
};

// ---------------------------------------------------------------------------------------------------------------
// Settings

const invalid = (field: string, message: string) => new HeedError('validation_failed', `${field}: ${message}`, [{ field, message }]);

/** Settings as the API shows them: never the password. */
export function presentImap(row: ImapRow | undefined) {
  if (!row) return null;
  return {
    host: row.host,
    port: row.port,
    secure: row.secure,
    user: row.username,
    folder: row.folder,
    afterImport: row.after_import,
    moveTo: row.move_to,
    enabled: row.enabled,
    lastPolledAt: row.last_polled_at?.toISOString() ?? null,
    lastError: row.last_error,
  };
}

/** The IMAP settings of these mailboxes, by mailbox id. */
export async function imapSettingsOf(db: Queryable, mailboxIds: string[]): Promise<Map<string, ImapRow>> {
  if (!mailboxIds.length) return new Map();
  const rows = await db.selectFrom('mailbox_imap').selectAll().where('mailbox_id', 'in', mailboxIds).execute();
  return new Map(rows.map((r) => [r.mailbox_id, r]));
}

/**
 * Creates, changes (fields not given are kept, the password too) or removes (`null`) a mailbox's IMAP settings,
 * in the caller's transaction, with an event that never holds the password. Pointing at another server, account
 * or folder starts the import over. With `jobs`, an enabled mailbox gets a poll queued at once.
 */
export async function saveImapSettings(tx: Tx, actor: Actor, mailboxId: string, input: ImapSettingsInput | null, jobs?: Jobs): Promise<void> {
  const before = await tx.selectFrom('mailbox_imap').selectAll().where('mailbox_id', '=', mailboxId).forUpdate().executeTakeFirst();
  if (input === null) {
    if (!before) return;
    await tx.deleteFrom('mailbox_imap').where('mailbox_id', '=', mailboxId).execute();
    await recordEvent(tx, { action: 'mailbox.imap_removed', entity: 'workspace', entityId: mailboxId, actor, before: presentImap(before) });
    return;
  }
  const next = {
    host: input.host ?? before?.host,
    port: input.port ?? before?.port ?? (input.secure === false ? 143 : 993),
    secure: input.secure ?? before?.secure ?? true,
    username: input.user ?? before?.username,
    password: input.password ?? before?.password,
    folder: input.folder ?? before?.folder ?? 'INBOX',
    after_import: input.afterImport ?? before?.after_import ?? 'seen',
    move_to: input.moveTo !== undefined ? input.moveTo : (before?.move_to ?? null),
    enabled: input.enabled ?? before?.enabled ?? true,
  };
  if (!next.host) throw invalid('imap.host', 'required');
  if (!next.username) throw invalid('imap.user', 'required');
  if (!next.password) throw invalid('imap.password', 'required');
  if (next.after_import === 'move' && !next.move_to) throw invalid('imap.moveTo', 'required when afterImport is "move"');
  if (next.after_import !== 'move') next.move_to = null;
  if (next.move_to && next.move_to === next.folder) throw invalid('imap.moveTo', 'must differ from the folder that is polled');
  const values = { ...next, host: next.host, username: next.username, password: next.password };

  const elsewhere = before && (before.host !== values.host || before.username !== values.username || before.folder !== values.folder);
  // A new place has UIDs of its own; dropping the lease also stops a poll of the old place from moving the position.
  const restart = elsewhere ? { uidvalidity: null, last_uid: 0, lease_token: null, lease_until: null, last_error: null } : {};
  const row = await tx
    .insertInto('mailbox_imap')
    .values({ mailbox_id: mailboxId, ...values })
    .onConflict((oc) => oc.column('mailbox_id').doUpdateSet({ ...values, ...restart, updated_at: dbNow() }))
    .returningAll()
    .executeTakeFirstOrThrow();
  const after = { ...presentImap(row), passwordChanged: before ? before.password !== row.password : true };
  await recordEvent(tx, { action: 'mailbox.imap_configured', entity: 'workspace', entityId: mailboxId, actor, before: presentImap(before), after });
  if (jobs && row.enabled) await queueImapPoll(tx, jobs, mailboxId);
}

// ---------------------------------------------------------------------------------------------------------------
// Polling

export type PollOptions = {
  /** At most this many messages per poll (default 200): one poll stays bounded. */
  batchSize?: number;
  /** Messages larger than this are left on the server, with an error saying so (default 50 MB). */
  maxBytes?: number;
  /** How long a poll may hold the mailbox without progress before another may take over (default 300 s). */
  leaseSeconds?: number;
  /** After this long a poll stops taking new messages; the next poll goes on (default 240 s). */
  maxSeconds?: number;
  /** Socket timeouts of the IMAP connection (default 30 s). */
  timeoutMs?: number;
};

export type PollResult = {
  status: 'ok' | 'failed' | 'disabled' | 'gone' | 'busy';
  /** Messages handed to the pipeline (one it already had counts: it is filed as a duplicate). */
  imported: number;
  /** More messages wait than this poll took. */
  more: boolean;
  error: string | null;
};

/** A readable reason for an IMAP or network failure (never holds the password). */
function describe(err: unknown): string {
  const e = err as { message?: string; responseText?: string; code?: string; authenticationFailed?: boolean; tlsFailed?: boolean };
  let text = (e.responseText || e.message || String(err)).replace(/\s+/g, ' ').trim();
  if (e.authenticationFailed && !/authentication failed/i.test(text)) text = `authentication failed: ${text}`;
  // OpenSSL's own text is a line of internals; the usual cause is TLS spoken to a plain port or the reverse.
  if (e.tlsFailed || e.code?.startsWith('ERR_SSL')) text = `TLS failed: check that "secure" fits the port`;
  if (e.code && !text.includes(e.code)) text = `${text} (${e.code})`;
  return text.slice(0, 500);
}

class LeaseLost extends Error {}

/**
 * Polls one mailbox: imports the messages with a UID above the last one imported, oldest first, at most a batch.
 * Never throws: a failure (server unreachable, login refused, database down) ends the poll with `failed` and is
 * kept in `last_error` (with an event when the error starts, changes or clears).
 */
export async function pollMailbox(db: Db, storage: AttachmentStorage, mailboxId: string, opts: PollOptions = {}): Promise<PollResult> {
  const batchSize = opts.batchSize ?? 200;
  const maxBytes = opts.maxBytes ?? 50 * 1024 * 1024;
  const leaseSeconds = opts.leaseSeconds ?? 300;
  const deadline = Date.now() + (opts.maxSeconds ?? 240) * 1000;
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const result = (status: PollResult['status'], error: string | null = null, imported = 0, more = false): PollResult => ({ status, imported, more, error });

  const token = randomUUID();
  const lease = sql<Date>`now() + make_interval(secs => ${leaseSeconds})`;
  let row: ImapRow | undefined;
  let address: string;
  try {
    row = await db
      .updateTable('mailbox_imap')
      .set({ lease_token: token, lease_until: lease })
      .where('mailbox_id', '=', mailboxId)
      .where('enabled', '=', true)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', dbNow())]))
      .returningAll()
      .executeTakeFirst();
    if (!row) {
      const found = await db.selectFrom('mailbox_imap').select('enabled').where('mailbox_id', '=', mailboxId).executeTakeFirst();
      return result(!found ? 'gone' : !found.enabled ? 'disabled' : 'busy');
    }
    address = (await db.selectFrom('mailboxes').select('address').where('id', '=', mailboxId).executeTakeFirstOrThrow()).address;
  } catch (err) {
    return result('failed', `could not reach the database: ${describe(err)}`);
  }
  const settings = row;

  /** Moves the position past `uid` and renews the lease; a poll that lost its lease stops here. */
  const advance = async (uid: number) => {
    const moved = await db
      .updateTable('mailbox_imap')
      .set({ last_uid: uid, lease_until: lease })
      .where('mailbox_id', '=', mailboxId)
      .where('lease_token', '=', token)
      .returning('mailbox_id')
      .executeTakeFirst();
    if (!moved) throw new LeaseLost('the settings changed or another poll took over during this poll');
  };

  const client = new ImapFlow({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: { user: settings.username, pass: settings.password },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: Math.max(timeoutMs, 60_000),
    maxLiteralSize: maxBytes + 1024 * 1024,
  });
  client.on('error', () => {}); // failures also reject the command in progress, which is where they are handled

  let imported = 0;
  let more = false;
  let warning: string | null = null;
  try {
    await client.connect();
    const lock = await client.getMailboxLock(settings.folder);
    try {
      const uidValidity = Number(client.mailbox ? client.mailbox.uidValidity : 0);
      let lastUid = settings.last_uid;
      if (settings.uidvalidity !== uidValidity) {
        // The server renumbered the folder (or this is the first poll): start over from UID 1; what was already
        // filed comes back as a duplicate of itself.
        lastUid = 0;
        const changed = await db.transaction().execute(async (tx) => {
          const r = await tx
            .updateTable('mailbox_imap')
            .set({ uidvalidity: uidValidity, last_uid: 0 })
            .where('mailbox_id', '=', mailboxId)
            .where('lease_token', '=', token)
            .returning('mailbox_id')
            .executeTakeFirst();
          if (r && settings.uidvalidity !== null) {
            await recordEvent(tx, {
              action: 'mailbox.imap_uidvalidity_changed',
              entity: 'workspace',
              entityId: mailboxId,
              actor: { kind: 'system' },
              before: { uidvalidity: settings.uidvalidity, lastUid: settings.last_uid },
              after: { uidvalidity: uidValidity, lastUid: 0 },
            });
          }
          return r;
        });
        if (!changed) throw new LeaseLost('the settings changed during this poll');
      }

      const found = (await client.search({ uid: `${lastUid + 1}:*` }, { uid: true })) || [];
      // `N:*` always names the newest message, even when its UID is below N.
      const pending = [...new Set(found)].filter((uid) => uid > lastUid).sort((a, b) => a - b);
      const batch = pending.slice(0, batchSize);
      more = pending.length > batch.length;
      const sizes = new Map<number, number>();
      if (batch.length) {
        for await (const m of client.fetch(batch.join(','), { uid: true, size: true }, { uid: true })) sizes.set(m.uid, m.size ?? 0);
      }

      for (const uid of batch) {
        if (Date.now() > deadline) {
          more = true;
          break;
        }
        const size = sizes.get(uid);
        if (size !== undefined && size > maxBytes) {
          warning = `message UID ${uid} is ${size} bytes, more than the limit of ${maxBytes}: left on the server, not imported`;
          await advance(uid);
          continue;
        }
        const message = size === undefined ? false : await client.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
        if (!message || !message.source) {
          await advance(uid); // removed from the server since the search
          continue;
        }
        await recordInboundEmail(db, storage, { raw: message.source, via: 'imap', envelopeTo: [address] });
        imported++;
        const problem = await afterImport(client, settings, uid);
        // A lost connection leaves the position behind: the next poll files the message again (a duplicate) and marks it.
        if (problem && !client.usable) throw new Error(problem);
        if (problem) warning = problem;
        await advance(uid);
      }
    } finally {
      lock.release();
    }
    await client.logout().catch(() => client.close());
  } catch (err) {
    client.close();
    const error = err instanceof LeaseLost ? err.message : describe(err);
    await finish(db, settings, token, error).catch(() => {});
    return result('failed', error, imported, more);
  }
  try {
    await finish(db, settings, token, warning);
  } catch (err) {
    return result('failed', `could not reach the database: ${describe(err)}`, imported, more);
  }
  return result('ok', warning, imported, more);
}

/** Flags, moves or deletes a message that is committed; returns what went wrong, if anything. */
async function afterImport(client: ImapFlow, settings: ImapRow, uid: number): Promise<string | null> {
  const range = String(uid);
  try {
    let done: boolean;
    if (settings.after_import === 'move') done = (await client.messageMove(range, settings.move_to!, { uid: true })) !== false;
    else if (settings.after_import === 'delete') done = await client.messageDelete(range, { uid: true });
    else done = await client.messageFlagsAdd(range, ['\\Seen'], { uid: true });
    return done ? null : `imported message UID ${uid}, but the server refused to ${action(settings)}`;
  } catch (err) {
    return `imported message UID ${uid}, but could not ${action(settings)}: ${describe(err)}`;
  }
}

const action = (s: ImapRow) => (s.after_import === 'move' ? `move it to ${s.move_to}` : s.after_import === 'delete' ? 'delete it' : 'flag it \\Seen');

/** Ends a poll: lets go of the mailbox, keeps the time and the error, and writes an event when the error changes. */
async function finish(db: Db, settings: ImapRow, token: string, error: string | null): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const r = await tx
      .updateTable('mailbox_imap')
      .set({ last_polled_at: dbNow(), last_error: error, lease_token: null, lease_until: null })
      .where('mailbox_id', '=', settings.mailbox_id)
      .where('lease_token', '=', token)
      .returning('mailbox_id')
      .executeTakeFirst();
    if (!r || error === settings.last_error) return;
    await recordEvent(tx, {
      action: error ? 'mailbox.imap_failed' : 'mailbox.imap_recovered',
      entity: 'workspace',
      entityId: settings.mailbox_id,
      actor: { kind: 'system' },
      before: { error: settings.last_error },
      after: { error },
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Scheduling

/** Queues a poll of one mailbox (at once, or at `startAfter`); a mailbox that has a poll queued keeps that one. */
export async function queueImapPoll(q: Queryable, jobs: Jobs, mailboxId: string, startAfter?: Date): Promise<void> {
  await jobs.send(q, IMAP_POLL_QUEUE, { mailboxId }, { singletonKey: mailboxId, startAfter });
}

/** Queues a poll for every enabled IMAP mailbox that has none queued (at start, and after a chain was broken). */
export async function ensureImapPolling(db: Queryable, jobs: Jobs): Promise<number> {
  const rows = await db.selectFrom('mailbox_imap').select('mailbox_id').where('enabled', '=', true).execute();
  for (const r of rows) await queueImapPoll(db, jobs, r.mailbox_id);
  return rows.length;
}

export type ImapWorkerOptions = PollOptions & {
  /** Seconds between the end of one poll of a mailbox and the start of the next (IMAP_POLL_SECONDS). */
  pollSeconds: number;
  log?: (line: string) => void;
};

/**
 * Works the poll queue: each job polls one mailbox, then queues that mailbox's next poll, sooner when messages
 * are still waiting. A removed or disabled mailbox is not polled again until its settings are saved. Queues a
 * first poll for every enabled mailbox.
 */
export async function startImapWorker(db: Db, storage: AttachmentStorage, jobs: Jobs, opts: ImapWorkerOptions): Promise<void> {
  await jobs.work<{ mailboxId: string }>(IMAP_POLL_QUEUE, async ({ mailboxId }) => {
    const r = await pollMailbox(db, storage, mailboxId, opts);
    if (r.status === 'gone' || r.status === 'disabled') return;
    if (r.error) opts.log?.(`IMAP poll of mailbox ${mailboxId}: ${r.error}`);
    const delay = r.more && r.status === 'ok' ? 1 : opts.pollSeconds;
    await queueImapPoll(db, jobs, mailboxId, new Date(now().getTime() + delay * 1000));
  });
  await ensureImapPolling(db, jobs);
}
