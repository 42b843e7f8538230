import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractCommitments } from './commitments.ts';

const options = { now: new Date('2026-03-11T10:00:00Z'), timeZone: 'Europe/London' };
const found = (text: string) => extractCommitments(text, options);

test('promises of future action are commitments, with their due times', () => {
  const cases: [string, string, string | null][] = [
    ["I'll call you tomorrow.", "I'll call you tomorrow", '2026-03-12T17:00:00+00:00'],
    ['We will send the replacement by Friday.', 'We will send the replacement by Friday', '2026-03-13T17:00:00+00:00'],
    ["You'll have it by Monday.", "You'll have it by Monday", '2026-03-16T17:00:00+00:00'],
    ["I'm going to chase the courier this afternoon.", "I'm going to chase the courier this afternoon", '2026-03-11T17:00:00+00:00'],
    ['The technician will visit 2-4pm Thursday.', 'The technician will visit 2-4pm Thursday', '2026-03-12T16:00:00+00:00'],
    ['Your refund will be processed within 3 business days.', 'Your refund will be processed within 3 business days', '2026-03-16T17:00:00+00:00'],
    ["I'll get back to you as soon as I hear from the warehouse.", "I'll get back to you as soon as I hear from the warehouse", null],
  ];
  for (const [text, phrase, due] of cases) {
    const c = found(text);
    assert.equal(c.length, 1, text);
    assert.equal(c[0]!.phrase, phrase);
    assert.equal(c[0]!.due, due, text);
    assert.equal(text.slice(c[0]!.start, c[0]!.end), c[0]!.phrase);
  }
});

test('a conditional promise is still a promise', () => {
  const c = found("If it fails again, I'll replace it free of charge.");
  assert.equal(c.length, 1);
  assert.match(c[0]!.phrase, /I'll replace it/);
  assert.match(c[0]!.action, /^replace it/);
});

test('offers, past actions, general information and requests are not commitments', () => {
  const none = [
    "I can send you a return label if you'd like.",
    'Would you like me to call you tomorrow?',
    "If you'd like, I'll arrange a collection.",
    'I called you yesterday but there was no answer.',
    "I've sent the label to your email.",
    'Refunds usually take 3-5 days to appear.',
    'It will usually take a week.',
    "I'll need your order number to look into this.",
    "You'll need to bring the receipt.",
    "You'll be able to track it online.",
    "I'd be happy to help with anything else.",
    "I'll be honest, this one is unusual.",
    "We won't be able to refund it.",
    'Will you be home on Thursday?',
  ];
  for (const text of none) assert.deepEqual(found(text), [], text);
});

test('two promises in one sentence are two commitments, each with its own time', () => {
  const c = found("I'll check with the warehouse today and email you by 5pm tomorrow.");
  assert.equal(c.length, 2);
  assert.equal(c[0]!.due, '2026-03-11T17:00:00+00:00');
  assert.equal(c[1]!.due, '2026-03-12T17:00:00+00:00');
  assert.match(c[1]!.action, /^email the customer/);
});

test('a handoff the agent carries out is a commitment of the team it went to', () => {
  const c = found("I've passed your order number and photos to billing, who will email you by 3pm.");
  assert.equal(c.length, 1);
  assert.equal(c[0]!.due, '2026-03-11T15:00:00+00:00');
});

test('the action is short and names the customer in the third person', () => {
  assert.equal(found("I'll call you tomorrow at 10am.")[0]!.action, 'call the customer');
  assert.equal(found('We will ship your replacement on Friday.')[0]!.action, "ship the customer's replacement");
});

test('quoted customer text and other languages give no commitments', () => {
  assert.deepEqual(found("Thanks.\n\nOn Tue, 3 Mar 2026, Ann <ann@example.com> wrote:\n> I'll call you tomorrow if nobody answers."), []);
  assert.deepEqual(found('> I will send the photos tomorrow.\n\nThanks for the update.'), []);
  assert.deepEqual(found('Le enviaremos el reemplazo mañana y le llamaremos el viernes.'), []);
});
