// Phrasings written from the labelling guide in other voices than the development sets, positive and negative
// for each widened rule family (issue 5, round 2): each rule must fire on its shape and stay quiet on the
// neutral sentence that shares its words.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { has, table } from './probe.ts';
import { extractCommitments } from './commitments.ts';



test('cant_focus: refusal idioms and passives, not when something is offered', () => {
  table(
    'cant_focus',
    [
      'Our hands are tied on that one.',
      "Compensation is out of the question, I'm afraid.",
      "Sorry, I'm afraid not.",
      'The charge stands.',
      "We won't be issuing credits for the outage.",
      'Your claim is declined, as the damage is excluded.',
      "Once a payment has gone it can't be pulled back.",
      "It's nothing I can override.",
      "Comfort exchanges aren't something we offer.",
      "That's simply not possible with your plan.",
      'Extensions are not granted after the deadline.',
    ],
    [
      "We can't refund it, but I've arranged a replacement for tomorrow.",
      "Company policy prevents us from freezing an account; however, I have today applied a £50 credit.",
      "We're unable to refund the fee, but I've added a £20 credit to your account instead.",
      'Your card was declined by the bank, so I have sent you a new payment link.',
      "When you can't log in, use the reset link on the sign-in page.",
    ],
  );
});

test('blame: third parties, the system and the customer, not neutral accounts', () => {
  table(
    'blame',
    [
      'The standing charge was set by head office, not by me or anyone in this team.',
      'The system did it automatically, and nobody on our side touched it.',
      "The booking software double-booked the table; it wasn't anyone on the floor.",
      "If you'd noted the scratch at pickup we could have waived it.",
      'You could have rung us from the airport.',
      "Door staff make their own calls, so that decision isn't ours.",
      "Cup ties are set by the FA, it's nowt to do with the club.",
      'I just do admissions.',
      'It was the airline that held you up.',
      'Those promises came from the sales team, and honestly they oversold the course.',
      'Apparently someone at the warehouse picked the wrong finish.',
      'The person you spoke to gave you bad information.',
      'Your broker set the policy up incorrectly.',
      'A former colleague gave you incorrect advice.',
      'The mistake was made by a temp who no longer works here.',
      'Any delay is the responsibility of the carrier.',
      'That was down to the installer.',
    ],
    [
      'Your broker will receive a copy of the renewal.',
      "The regulator requires us to verify your identity, and I've sent you the link.",
      'The engineer fixed the boiler yesterday.',
      "Your previous adviser has moved teams, so I'm your new contact and I'll call you on Friday.",
      "Early check-in isn't something we can do in peak season.",
      'We made a mistake with your invoice and I have corrected it.',
      'You selected express delivery, so it will arrive tomorrow.',
      'The fire limit in the hall is strict, so extra seats are a no-go.',
    ],
  );
});

test('channel_redirect: passive routing and other channels, not a booked visit or the desk', () => {
  table(
    'channel_redirect',
    [
      'Renewals that fail online must be completed in person at a DMV field office.',
      'Account closures are done through the Help section in the app.',
      'Warranty claims go through the manufacturer.',
      'Please WhatsApp our travel desk on +27 60 000 1234.',
      "Billing's number is 1-888-555-0142.",
      'You may wish to contact them directly on 01632 960 411.',
      'You are requested to visit the concerned office with the receipts.',
      'If you want more, claim from them.',
      'Enterprise customers should raise this through the enterprise portal.',
    ],
    [
      'Please ask each member to bring their ID and a proof of address.',
      'Please bring the hearing aids to the practice on Tuesday at 10:00.',
      'Your report will be ready by 6 PM today. Kindly collect the same from the reception.',
      "I've passed your details to our billing team, who will email you by Friday.",
      'If you have any other questions, just contact us.',
    ],
  );
});

test('no_acknowledgement: calm reports of a failure are complaints; a plain question or own accident is not', () => {
  const reply = 'Hi, thanks for your message. The next step is below.';
  for (const context of [
    'Your webhooks stopped reaching our endpoint on Monday.',
    'My bill has a $40 equipment charge I never agreed to.',
    'The steak was overcooked and the chips were soggy.',
    'My home insurance renewal has gone up 60% and I have never claimed.',
    'The parcel has said "arrived in destination country" for 3 weeks.',
    'Where is the free tote bag that was supposed to come with my order?',
  ]) {
    assert.ok(has(reply, 'no_acknowledgement', context), context);
  }
  for (const context of [
    'I cannot log in.',
    'Can I claim for my phone? I dropped it down the loo and now it will not turn on.',
    'I bought tickets for the wrong date. Can I change them?',
    'Under Article 17 GDPR I request the erasure of my personal data.',
    'Why can\'t I pick an evening slot?',
  ]) {
    assert.ok(!has(reply, 'no_acknowledgement', context), context);
  }
});

test('commitments: passives, places and people; due times of bare windows and event-relative durations', () => {
  const due = (text: string, now = '2026-06-08T11:15:00Z') => extractCommitments(text, { now: new Date(now), timeZone: 'Europe/London' }).map((c) => c.due);
  assert.deepEqual(due('The file has been found, and it will be assessed by 30 September.'), ['2026-09-30T17:00:00+01:00']);
  assert.deepEqual(due('Our mechanic will collect the bike on Thursday between 9 and 1.'), ['2026-06-11T13:00:00+01:00']);
  assert.deepEqual(due('A field tech will be out Thursday between 8 and noon.'), ['2026-06-11T12:00:00+01:00']);
  assert.deepEqual(due("We'll unlock the account within 30 minutes of it arriving."), [null]);
  assert.deepEqual(due('Once we have them, the claim will be paid within 48 hours.'), [null]);
  assert.deepEqual(due('Expect a call from the store manager in the next 30 minutes.'), ['2026-06-08T12:45:00+01:00']);
  assert.deepEqual(due('Dr Nguyen will see you tomorrow at 8:15am.'), ['2026-06-09T08:15:00+01:00']);
  assert.deepEqual(due('Your line will be reactivate until tomorrow.'), ['2026-06-09T17:00:00+01:00']);
  assert.equal(due('Separate orders will be seated together.').length, 0);
  assert.equal(due('You will be charged the standard rate.').length, 0);
});

test('acknowledgement: apology and empathy in other registers count; a log of the complaint does not', () => {
  const context = 'My order arrived broken and I am really annoyed.';
  for (const text of [
    'We regret the inconvenience caused. A replacement ships today.',
    "That's on me, I've corrected it.",
    'Pardon the trouble, I have fixed your account.',
    "Oof, not what you needed. I've rebooked you for tomorrow.",
    'We owe you an apology, and I have credited your account.',
  ]) {
    assert.ok(!has(text, 'no_acknowledgement', context), text);
  }
  for (const text of ["I've noted your comments and passed them on.", 'Thank you for contacting us. A replacement has been sent.']) {
    assert.ok(has(text, 'no_acknowledgement', context), text);
  }
});
