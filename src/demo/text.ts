/** Text for `heed demo`: the customers' questions, ticket subjects and tags, and the wording of messages. */
import fs from 'node:fs';
import type { Channel } from '../db/types.ts';
import * as C from './content.ts';
import type { Rng } from './random.ts';

/** The banking77 questions of every intent in content.ts; throws if one has none. */
export function loadQuestions(): Map<string, string[]> {
  const raw = JSON.parse(fs.readFileSync(new URL('./banking77-sample.json', import.meta.url), 'utf8')) as {
    intents?: Record<string, unknown>;
  };
  const out = new Map<string, string[]>();
  for (const intent of Object.keys(C.INTENTS)) {
    const qs = raw.intents?.[intent];
    if (!Array.isArray(qs) || qs.length === 0 || !qs.every((q) => typeof q === 'string' && q.trim())) {
      throw new Error(`src/demo/banking77-sample.json has no questions for the intent ${intent}`);
    }
    out.set(intent, qs as string[]);
  }
  return out;
}

/** A subject from a question: its first sentence that says something, cut at a clause (or a word) to about 70 characters. */
export function subjectFrom(question: string): string {
  const text = question.replace(/\s+/g, ' ').trim().replace(/^(hi|hello|hey)\b[,.!]?\s*/i, '');
  const sentences = (text.match(/[^.?!]+[.?!]*/g) ?? [text]).map((s) => s.trim()).filter(Boolean);
  const words = (x: string) => x.split(' ').filter((w) => /[a-z]/i.test(w)).length;
  const plea = /^((please )?help( me)?( please)?|i hope you can help( me)?|what is happening|yikes)[.?!]*$/i;
  let s = sentences.find((x) => words(x) >= 4 && !plea.test(x)) ?? sentences.find((x) => words(x) >= 4) ?? text;
  s = s.replace(/[.!]+$/, '').trim();
  if (s.length > 70) {
    const comma = s.lastIndexOf(',', 70);
    if (comma >= 25) s = s.slice(0, comma);
    else {
      const space = s.lastIndexOf(' ', 68);
      s = `${s.slice(0, space > 30 ? space : 68).replace(/[,;:]$/, '')}…`;
    }
  }
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A tag from an intent name: `card_arrival` becomes `card-arrival`. */
export const tagOf = (intent: string) => intent.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
/** Lower-case ASCII letters and digits only, for email addresses made from names. */
export const ascii = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');
/** A demo agent's email address. */
export const demoEmail = (handle: string) => `${handle}@${C.DEMO_DOMAIN}`;
/** The first word of a name, for greetings. */
export const firstName = (name: string | null | undefined) => (name ?? '').split(' ')[0] || 'there';

/** Fills the {ref} placeholders of a template with reference numbers. */
export function fill(rng: Rng, text: string): string {
  return text.replace(/\{ref\}/g, () => String(rng.int(10000, 99999)));
}

/** A customer's message as it arrives on its channel: a greeting and signature by email, a transcript by phone. */
export function customerBody(rng: Rng, m: { channel: Channel; from: { name: string; first: string }; text: string; first: boolean }): string {
  switch (m.channel) {
    case 'email': {
      const greeting = rng.pick(['Hi,', 'Hello,', 'Hi there,', 'Good morning,', '']);
      const signOff = rng.pick(['Thanks,', 'Thank you,', 'Cheers,', 'Regards,', 'Best,']);
      return `${greeting ? `${greeting}\n\n` : ''}${m.text}\n\n${signOff}\n${m.from.first}`;
    }
    case 'web':
      return `${m.text}\n\n${m.from.name}`;
    case 'phone':
      return m.first ? `Voicemail transcript: "${m.text}"` : `Voicemail transcript: "${m.text}" Please call me back.`;
    case 'api':
      return `${m.text}\n\n(Sent from the in-app help form)`;
    default:
      return m.text;
  }
}

/** An agent's reply: short on chat, with a greeting and the agent's signature elsewhere. */
export function agentBody(rng: Rng, m: { channel: Channel; to: { first: string }; agentName: string | undefined; text: string }): string {
  if (m.channel === 'chat') return `Hi ${m.to.first}! ${m.text}`;
  const signOff = rng.pick(['Best', 'Kind regards', 'Thanks', 'All the best']);
  return `Hi ${m.to.first},\n\n${m.text}\n\n${signOff},\n${firstName(m.agentName)}`;
}
