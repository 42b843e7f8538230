import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { htmlToText, sanitizeMessageHtml } from '../tickets/html.ts';
import { splitQuoted } from './quoted.ts';

export type Address = { address: string; name: string | null };

export type ParsedAttachment = { filename: string; contentType: string; content: Buffer; contentId: string | null; inline: boolean };

/** What Heed needs of an email: who, threading ids, the new text apart from the quoted history, and parts. */
export type ParsedEmail = {
  messageId: string | null;
  inReplyTo: string[];
  references: string[];
  from: Address | null;
  replyTo: Address[];
  to: Address[];
  cc: Address[];
  subject: string;
  date: Date | null;
  /** The whole plain text (derived from HTML when the message has only HTML). */
  text: string;
  /** The text the sender wrote now, without quoted history or signature. */
  newText: string;
  html: string | null;
  attachments: ParsedAttachment[];
  /** Header values by lower-case name, for classification. */
  headers: Record<string, string>;
  contentType: string;
  /** A hash of the content (text, HTML and attachments), not of the transport headers. */
  bodyHash: string;
};

/** Message-IDs without angle brackets; invalid tokens are dropped. */
export function messageIds(value: unknown): string[] {
  const raw = Array.isArray(value) ? value.join(' ') : typeof value === 'string' ? value : '';
  const found = raw.match(/<[^<>\s]+>/g) ?? [];
  const ids = found.length ? found.map((m) => m.slice(1, -1)) : raw.split(/\s+/).filter((t) => /^[^@\s]+@[^@\s]+$/.test(t));
  return [...new Set(ids.map((i) => i.trim()).filter((i) => i.length > 0 && i.length <= 500))];
}

function addresses(value: AddressObject | AddressObject[] | undefined): Address[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  const out: Address[] = [];
  const walk = (entries: AddressObject['value']) => {
    for (const e of entries) {
      if (e.group) walk(e.group);
      else if (e.address && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e.address)) {
        out.push({ address: e.address.toLowerCase().slice(0, 320), name: e.name?.trim() ? e.name.trim().slice(0, 200) : null });
      }
    }
  };
  for (const a of list) walk(a.value);
  return out;
}

function headerMap(mail: ParsedMail): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of mail.headerLines ?? []) {
    const i = line.line.indexOf(':');
    const value = (i >= 0 ? line.line.slice(i + 1) : '').replace(/\r?\n[ \t]+/g, ' ').trim();
    out[line.key] = out[line.key] ? `${out[line.key]}, ${value}` : value;
  }
  return out;
}

const parseTimeoutMs = 10_000;

/** Parses raw RFC 5322 bytes; throws on input that is not mail or takes too long to read. */
export async function parseEmail(raw: Buffer): Promise<ParsedEmail> {
  const mail = await Promise.race([
    simpleParser(raw, { skipImageLinks: true, skipTextLinks: true, maxHtmlLengthToParse: 2_000_000 }),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('parsing took too long')), parseTimeoutMs).unref()),
  ]);
  const headers = headerMap(mail);
  const htmlSource = typeof mail.html === 'string' ? mail.html : null;
  const html = htmlSource ? sanitizeMessageHtml(htmlSource) : null;
  const text = (mail.text ?? (htmlSource ? htmlToText(htmlSource) : '')).replace(/\u0000/g, '').trim();
  const attachments: ParsedAttachment[] = (mail.attachments ?? []).map((a, i) => ({
    filename: (a.filename ?? `attachment-${i + 1}`).replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 255) || `attachment-${i + 1}`,
    contentType: a.contentType || 'application/octet-stream',
    content: a.content,
    contentId: a.contentId ?? null,
    inline: a.contentDisposition === 'inline' || Boolean(a.related),
  }));
  const hash = createHash('sha256').update(text).update('\u0000').update(htmlSource ?? '');
  for (const a of attachments) hash.update('\u0000').update(a.content);
  return {
    messageId: messageIds(mail.messageId)[0] ?? null,
    inReplyTo: messageIds(mail.inReplyTo),
    references: messageIds(mail.references),
    from: addresses(mail.from)[0] ?? null,
    replyTo: addresses(mail.replyTo),
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    subject: (mail.subject ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, 1000),
    date: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : null,
    text,
    newText: splitQuoted(text).newText,
    html,
    attachments,
    headers,
    contentType: String(mail.headers.get('content-type') && (mail.headers.get('content-type') as { value?: string }).value || 'text/plain').toLowerCase(),
    bodyHash: hash.digest('hex'),
  };
}
