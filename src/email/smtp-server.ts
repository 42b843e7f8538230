import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from 'smtp-server';
import type { AttachmentStorage } from '../attachments/storage.ts';
import type { Db } from '../db/database.ts';
import { recordInboundEmail } from './ingest.ts';

export type InboundSmtpOptions = {
  db: Db;
  storage: AttachmentStorage;
  port: number;
  host: string;
  maxBytes: number;
  maxRecipients?: number;
  log?: (line: string) => void;
};

type SmtpError = Error & { responseCode?: number };
const smtpError = (code: number, message: string): SmtpError => Object.assign(new Error(message), { responseCode: code });

/**
 * Heed's inbound SMTP server. It accepts mail for its support mailboxes (and their reply+token addresses),
 * and answers 250 only after the message is committed to the database: a crash before that makes the
 * sender retry, so nothing is lost.
 */
export async function startInboundSmtp(opts: InboundSmtpOptions): Promise<{ port: number; close(): Promise<void> }> {
  const maxRecipients = opts.maxRecipients ?? 100;
  // Mailboxes found recently are accepted without asking the database again (one statement less per message).
  // Only a yes is remembered, and for a few seconds: a new mailbox is accepted at once; mail for one deleted in
  // the last seconds is still taken and lands in the dead letters, where nothing is lost.
  const known = new Set<string>();
  const forget = setInterval(() => known.clear(), 5_000);
  forget.unref();
  // Database work a session started; close() waits for it, so nothing touches the database after Heed stops.
  const inFlight = new Set<Promise<unknown>>();
  const track = <T>(p: Promise<T>): Promise<T> => {
    inFlight.add(p);
    const done = () => inFlight.delete(p);
    p.then(done, done);
    return p;
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: opts.maxBytes,
    banner: 'Heed',
    // A reverse DNS lookup per connection would make every sender wait on DNS.
    disableReverseLookup: true,
    logger: false,
    maxClients: 200,
    socketTimeout: 60_000,
    onRcptTo(address: SMTPServerAddress, session: SMTPServerSession, callback: (err?: Error | null) => void) {
      if (session.envelope.rcptTo.length >= maxRecipients) return callback(smtpError(452, `too many recipients (at most ${maxRecipients})`));
      const base = address.address.toLowerCase().replace(/\+[^@]*@/, '@');
      if (known.has(base)) return callback(null);
      track(opts.db.selectFrom('mailboxes').select('id').where('address', '=', base).executeTakeFirst())
        .then((m) => {
          if (m) known.add(base);
          callback(m ? null : smtpError(550, `no mailbox ${address.address} here`));
        })
        .catch(() => callback(smtpError(451, 'temporary failure, try again later')));
    },
    onData(stream, session, callback) {
      // The envelope is reset when onData returns; keep a copy.
      const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
      const envelopeTo = session.envelope.rcptTo.map((r) => r.address);
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (c: Buffer) => {
        size += c.length;
        if (size <= opts.maxBytes) chunks.push(c);
      });
      stream.on('error', (err) => callback(err));
      stream.on('end', () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded || size > opts.maxBytes) {
          return callback(smtpError(552, `message exceeds the size limit of ${opts.maxBytes} bytes`));
        }
        track(recordInboundEmail(opts.db, opts.storage, { raw: Buffer.concat(chunks), via: 'smtp', envelopeFrom, envelopeTo }))
          .then((r) => callback(null, `queued as ${r.id} (${r.outcome})`))
          .catch((err: Error) => {
            opts.log?.(`inbound SMTP: could not store a message: ${err.message}`);
            callback(smtpError(451, 'temporary failure, try again later'));
          });
      });
    },
  });
  server.on('error', (err) => opts.log?.(`inbound SMTP: ${err.message}`));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const address = server.server.address();
  return {
    port: typeof address === 'object' && address ? address.port : opts.port,
    close: async () => {
      clearInterval(forget);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.allSettled([...inFlight]);
    },
  };
}
