import type { ParsedEmail } from './parse.ts';
import { messageIds } from './parse.ts';

export type Bounce = {
  kind: 'bounce';
  reason: string;
  /** failed, delayed, or complaint (an abuse report: the recipient marked our mail as spam). */
  action: 'failed' | 'delayed' | 'complaint';
  /** Message-IDs of the mail that bounced, from the returned headers. */
  originalMessageIds: string[];
  failedRecipients: string[];
  diagnostic: string | null;
};
export type Classification = { kind: 'normal' } | { kind: 'auto_reply'; reason: string } | Bounce;

const daemonSender = /^(mailer-daemon|postmaster|mail-daemon|mailerdaemon|bounces?|mail\.?delivery(\.system)?|mail-delivery(-system)?)@/i;
const bounceSubject =
  /(undeliver|undelivered|delivery (status notification|failure|has failed|incomplete)|returned mail|mail delivery (failed|failure|subsystem)|failure notice|delivery notification|non.?delivery|could not be delivered|nicht zustellbar|unzustellbar|warning: message .* delayed|message not delivered)/i;
const autoSubject =
  /^(auto(matic)?[ -]?(reply|response|antwort)|out of (the )?office|away from|i am (currently )?(away|out)|absence|abwesen|réponse automatique|respuesta automática|on vacation|vacation reply)/i;

const lower = (h: Record<string, string>, k: string) => (h[k] ?? '').toLowerCase();

/** Whether a message is a bounce, an automatic reply, or mail a person wrote (checked in that order). */
export function classify(mail: ParsedEmail, envelopeFrom?: string | null): Classification {
  const h = mail.headers;
  const from = mail.from?.address ?? '';
  const reportType = /report-type\s*=\s*"?([\w-]+)/i.exec(h['content-type'] ?? '')?.[1]?.toLowerCase();

  if (reportType === 'feedback-report' || mail.attachments.some((a) => a.contentType === 'message/feedback-report')) {
    return { ...bounceDetails(mail), kind: 'bounce', action: 'complaint', reason: 'abuse report (ARF): the recipient reported the mail as spam' };
  }
  if (reportType === 'disposition-notification' || mail.attachments.some((a) => a.contentType === 'message/disposition-notification')) {
    return { kind: 'auto_reply', reason: 'read receipt (MDN)' };
  }
  const dsn = dsnText(mail);
  const nullSender = envelopeFrom === '' || /^<>$/.test((h['return-path'] ?? '').trim()) || /<>\s*$/.test(h['from'] ?? '');
  if (dsn || reportType === 'delivery-status') {
    const d = bounceDetails(mail);
    return { ...d, kind: 'bounce', reason: `delivery status notification${d.diagnostic ? `: ${d.diagnostic}` : ''}` };
  }
  if ((daemonSender.test(from) || nullSender || /mailer-daemon|postmaster@/i.test(h['from'] ?? '')) && bounceSubject.test(mail.subject)) {
    const d = bounceDetails(mail);
    return { ...d, kind: 'bounce', reason: `non-standard bounce from ${from || 'the mail system'}` };
  }

  const autoSubmitted = lower(h, 'auto-submitted');
  if (autoSubmitted && autoSubmitted !== 'no') return { kind: 'auto_reply', reason: `Auto-Submitted: ${autoSubmitted}` };
  if (h['x-autoreply'] || h['x-autorespond'] || h['x-autoresponder']) return { kind: 'auto_reply', reason: 'X-Autoreply header' };
  const precedence = lower(h, 'precedence');
  if (['bulk', 'junk', 'list', 'auto_reply'].includes(precedence)) return { kind: 'auto_reply', reason: `Precedence: ${precedence}` };
  if (lower(h, 'x-auto-response-suppress').includes('oof') && autoSubject.test(mail.subject)) {
    return { kind: 'auto_reply', reason: 'out-of-office reply' };
  }
  if (autoSubject.test(mail.subject)) return { kind: 'auto_reply', reason: `automatic reply subject "${mail.subject.slice(0, 80)}"` };
  if (nullSender) return { kind: 'auto_reply', reason: 'sent with a null sender (<>), as only automatic mail is' };
  return { kind: 'normal' };
}

/** Recipients, status and the returned message's ids from a DSN part or the text of a non-standard bounce. */
function bounceDetails(mail: ParsedEmail): Omit<Bounce, 'kind' | 'reason' | 'action'> & { action: 'failed' | 'delayed' } {
  const dsn = dsnText(mail);
  const returned = mail.attachments
    .filter((a) => a.contentType === 'message/rfc822' || a.contentType === 'text/rfc822-headers' || a.contentType === 'message/rfc822-headers')
    .map((a) => a.content.toString('latin1').slice(0, 200_000))
    .join('\n');
  const haystack = `${returned}\n${mail.text.slice(0, 200_000)}`;
  const originalMessageIds = [
    ...[...haystack.matchAll(/^\s*Message-ID:\s*(<[^>\s]+>)/gim)].map((m) => m[1]!),
    ...mail.inReplyTo.map((i) => `<${i}>`),
    ...mail.references.map((i) => `<${i}>`),
  ];
  const ids = messageIds(originalMessageIds.join(' ')).filter((id) => id !== mail.messageId);
  const recipients = new Set<string>();
  for (const m of dsn.matchAll(/^(?:Final|Original)-Recipient:\s*[^;\n]*;\s*<?([^\s<>]+@[^\s<>]+?)>?\s*$/gim)) recipients.add(m[1]!.toLowerCase());
  if (recipients.size === 0) {
    const failedHeader = mail.headers['x-failed-recipients'];
    for (const a of failedHeader?.split(',') ?? []) if (a.includes('@')) recipients.add(a.trim().toLowerCase());
  }
  if (recipients.size === 0) {
    // Non-standard bounces name the address near the failure; take addresses from the first lines that do.
    for (const line of mail.text.split('\n').slice(0, 80)) {
      if (!/(fail|undeliver|not be delivered|unknown|rejected|does not exist|550|5\.\d\.\d|no such)/i.test(line)) continue;
      for (const m of line.matchAll(/<?([\w.+-]+@[\w-]+(?:\.[\w-]+)+)>?/g)) if (!daemonSender.test(m[1]!)) recipients.add(m[1]!.toLowerCase());
    }
  }
  const actionLine = /^Action:\s*(\w+)/im.exec(dsn)?.[1]?.toLowerCase();
  const diagnostic = (/^Diagnostic-Code:\s*(.+(?:\n[ \t].+)*)/im.exec(dsn)?.[1] ?? /^Status:\s*(\S+)/im.exec(dsn)?.[1] ?? null)?.replace(/\s+/g, ' ').slice(0, 500) ?? null;
  const delayed = actionLine === 'delayed' || /delayed|will (be retried|retry)/i.test(mail.subject);
  return { action: delayed ? 'delayed' : 'failed', originalMessageIds: ids.slice(0, 20), failedRecipients: [...recipients].slice(0, 20), diagnostic };
}

/** The machine-readable delivery-status fields: a DSN part, a message that is one, or such fields in the text. */
function dsnText(mail: ParsedEmail): string {
  const part = mail.attachments.find((a) => a.contentType === 'message/delivery-status');
  if (part) return part.content.toString('latin1');
  const looksLikeDsn = /^Final-Recipient:/im.test(mail.text) && /^(Action|Status):/im.test(mail.text);
  if (mail.contentType === 'message/delivery-status' || looksLikeDsn) return mail.text;
  return '';
}
