import assert from 'node:assert/strict';
import { test } from 'node:test';
import { coachDraft, type CoachResult } from './coach.ts';
import { extractCommitments } from './commitments.ts';

const options = { now: new Date('2026-03-11T10:00:00Z'), timeZone: 'Europe/London' };

function wellFormed(text: string, r: CoachResult) {
  assert.equal(typeof r.language, 'string');
  for (const f of r.findings) {
    assert.ok(f.start >= 0 && f.end > f.start && f.end <= text.length, `${f.kind} span ${f.start}-${f.end}`);
    assert.equal(text.slice(f.start, f.end), f.excerpt);
  }
  for (const c of r.commitments) {
    assert.ok(c.start >= 0 && c.end > c.start && c.end <= text.length);
    assert.equal(text.slice(c.start, c.end), c.phrase);
    assert.ok(c.due === null || !Number.isNaN(Date.parse(c.due)));
    assert.ok(c.action.length > 0);
  }
}

test('never throws, and every span is inside the text, on garbage of every sort', () => {
  const inputs = [
    '',
    ' ',
    '\u0000\u0001\u0002\u001f\u007f',
    '🙂🔥💥 ✅✅✅',
    '\ud800 lone surrogate \udfff',
    '<<<>>>&&&;;;<p <b </',
    '<p>We can&#xZZ; refund &#99999999; it</p>',
    '>\n>\n> > >',
    'On wrote:',
    'a'.repeat(5000),
    "I'll".repeat(2000),
    '.'.repeat(3000) + "We can't.",
    'Ελπίζουμε να σας βοηθήσαμε. Θα σας καλέσουμε αύριο.',
    "We can't refund it \u202e (right-to-left override) and I'll call tomorrow.",
    'x\r\ny\rz\n',
  ];
  for (const text of inputs) {
    const r = coachDraft(text, options);
    wellFormed(text, r);
  }
  // Not a string at all (the API validates, but the coach must still not throw).
  assert.doesNotThrow(() => coachDraft(undefined as unknown as string, options));
  assert.doesNotThrow(() => coachDraft('hello', { now: new Date('nonsense'), timeZone: 'Not/AZone' }));
  assert.doesNotThrow(() => extractCommitments(null as unknown as string, options));
});

test('a 1 MB draft is read only up to 20,000 characters (bench/coach.ts measures the speed)', () => {
  const sentence = "We can't refund it. I'll call you tomorrow. Please call billing on 0800 123 456. ";
  const big = sentence.repeat(Math.ceil(1_000_000 / sentence.length));
  const r = coachDraft(big, options);
  wellFormed(big, r);
  assert.ok(r.commitments.every((c) => c.end <= 20_000));
  assert.ok(r.commitments.length <= 50, 'commitments are capped');
});

test('HTML drafts and emoji keep their spans exact', () => {
  const text = '<p>Hi 👋 Sam,</p><p>That&rsquo;s the courier&#39;s fault. I&rsquo;ll call you tomorrow 🙂.</p>';
  const r = coachDraft(text, options);
  wellFormed(text, r);
  assert.ok(r.findings.some((f) => f.kind === 'blame'));
  assert.equal(r.commitments.length, 1);
  assert.equal(r.commitments[0]!.due, '2026-03-12T17:00:00+00:00');
});

test('other languages: their code, and no findings rather than false ones', () => {
  for (const [text, lang] of [
    ['No podemos reembolsar el artículo. Llame al 900 123 456.', 'es'],
    ['Nous ne pouvons pas rembourser cet article. Appelez le service client.', 'fr'],
    ['Wir können das nicht erstatten. Das ist die Schuld der Buchhaltung.', 'de'],
    ['Мы не можем вернуть деньги. Позвоните в отдел оплаты.', 'ru'],
  ] as const) {
    const r = coachDraft(text, options);
    assert.equal(r.language, lang, text);
    assert.deepEqual(r.findings, []);
    assert.deepEqual(r.commitments, []);
  }
});

test('findings come sorted by position and carry a message and a suggestion', () => {
  const text = "We can't refund it. That's billing's fault, not ours.";
  const r = coachDraft(text, options);
  assert.deepEqual(r.findings.map((f) => f.kind), ['cant_focus', 'blame']);
  for (const f of r.findings) assert.ok(f.message.endsWith('.') && f.suggestion.length > 20);
  // With a redirect in the draft, the refusal has its "alternative" and only the redirect is reported.
  const redirected = coachDraft("That's billing's fault, not ours. We can't refund it. Please call billing on 0800 123 456.", options);
  assert.deepEqual(redirected.findings.map((f) => f.kind), ['blame', 'channel_redirect']);
});
