// Round 4 (issue 5): the coach read against drafts written by people who never saw it. Each rule below is a class
// of phrasing from the guide (the cause pinned on a party, "outside our scope", "we are only the seller", a fault
// told calmly, a reply written under the quote, a tag question after a promise, "Fri 20th", "this arvo"), tested
// with real sentences and with the neutral sentences that share its words.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { promises, table, probeOptions as options } from './probe.ts';
import { extractCommitments } from './commitments.ts';
import { complaintScore } from './rules/complaint.ts';



test('blame: the cause pinned on a person or party, our side disowned, the customer told it was theirs', () => {
  table(
    'blame',
    [
      'The delay on Saturday was down to the new kitchen manager, who did not prep enough for the bookings.',
      'The noise was caused by other guests, over whom we have limited control.',
      'Your marks were late due to your module tutor not submitting them on time.',
      "It's not an issue from our side.",
      "The locum isn't one of our regular doctors; that's down to the agency.",
      'The delay is at the police station end, our office has no role in it.',
      'Pharmacy is not at fault for this.',
      "We're not responsible once it's dropped off.",
      'We are only the seller.',
      "Honestly, if it were up to me it would've been approved.",
      'Visa issues are outside our scope.',
      "Your contract doesn't allow downgrades before month 18, which was explained at sign-up.",
      'The shipment is held because the KYC was not uploaded by you.',
      'The outage was caused by a migration the platform team ran without telling support.',
      "It's in the T&Cs you signed.",
      "If it didn't arrive, that's DHL.",
      'The system flagged your account.',
      'The computer says no.',
      'Had you told us sooner, we could have stopped the payment.',
      'You must have typed your email address wrong.',
      'Your bank must have declined it.',
      "I don't handle refunds, that's someone else.",
      "I'm just the receptionist.",
      'The vendor has been dragging their feet for weeks.',
      'The depot in Leeds is terrible for this.',
      'It looks like your installer wired it incorrectly.',
      'You were supposed to cancel 48 hours in advance.',
      'It was up to you to check the dates before booking.',
      "That's a Visa issue.",
      "The delay's on Amazon's end.",
      "Unfortunately the hold-up is with the solicitors, who haven't sent the paperwork.",
      'Our delivery partner lost the parcel.',
      'Marketing sent that email by mistake.',
      "I wasn't on shift when this happened.",
    ],
    [
      'Voter registration changes are handled by the county Board of Elections, not this office.',
      "It's not within our remit to change exam grades.",
      "That's one for your landlord, he's responsible for the boiler.",
      'So sorry about that, missing half the order is rubbish.',
      'The system will automatically retry the payment tomorrow.',
      'The issue is with your account settings, so switch on notifications in Settings.',
      "You were supposed to receive a confirmation email yesterday, and I'm sorry it didn't arrive.",
      'The email was sent in error, please ignore it.',
      'Replies are slower this week due to our team being at a training day.',
      'The delay is down to Christmas demand at the sorting office.',
      "You're not responsible for any damage caused by the leak.",
      'The courier tried to deliver at 2pm but nobody was in, so they left a card.',
      "The council is responsible for street lighting, and I've reported the broken lamp to them for you.",
      'As stated in your booking confirmation, check-in is from 3pm.',
    ],
  );
});

test('no_acknowledgement: faults told calmly are complaints; plain requests are not', () => {
  for (const text of [
    'You cut off my gas on a Friday night with two kids at home, and now you want a $45 fee to turn it back on?',
    'No water since 7 this morning and not a single text from you lot.',
    'My solar credits on the last bill are way lower than usual. Something is wrong with the meter.',
    'Our CRM sync has failed 40 times since Friday. We are losing leads.',
    'My exam results still aren\'t out and my visa application depends on them.',
    'Since 4 days I am waiting for my thyroid report. Every day you say tomorrow.',
    'Third time I came and insulin is not available. Very irresponsible.',
    'Two of my compulsory modules are timetabled at the same time. How am I supposed to attend both?',
    'The delivery window was 8 to 12 and it\'s now 3pm. I took the day off for this.',
    "The app logged me out and now it says my account doesn't exist.",
    'I ordered a king size duvet cover and got a single.',
    'The parcel was left in the rain and everything inside is soaked.',
    "The water's brown coming out of the taps.",
  ]) {
    assert.ok(complaintScore(text) >= 1, text);
  }
  for (const text of [
    'Hi, the meter reader could not get in on Friday because the side gate was locked. Can someone come out again?',
    'Can I get my flu and COVID shots at the same time?',
    'We keep hitting the 100 requests/minute API limit. Can you raise it for our account?',
    'Do you do paperless bills? I keep losing the paper ones.',
    'The VPN keeps dropping.',
    'Hi, can I change my delivery address for order 5521?',
    'I forgot my password and the reset email hasn\'t come through yet, can you help?',
  ]) {
    assert.ok(complaintScore(text) < 1, text);
  }
  const upset = 'My order arrived broken and nobody has replied to my emails. Really annoyed.';
  table(
    'no_acknowledgement',
    [
      'I understand you want a refund. Please return the item first.',
      "I see you're unhappy about the delay to your pallet. It will be delivered by 5pm tomorrow.",
    ],
    [
      "I get it, that's a rubbish start. A replacement has been sent.",
      'We hold our hands up on this one. A replacement has been sent.',
      "You shouldn't have had to chase us. A replacement has been sent.",
      "I appreciate this isn't what you expected. A replacement has been sent.",
    ],
    upset,
  );
});

test('channel_redirect: another party\'s desk, site or contact for the customer to start again with', () => {
  table(
    'channel_redirect',
    [
      'Billing questions cannot be handled in this chat. Please open a ticket at business.example.com/support.',
      'You can update your address at their office at 140 Main St or online at vote.example.gov.',
      'Spa bookings are made directly with the spa reception on level 2 or by calling extension 4400.',
      'Kindly pay or dispute it on the RTA portal using the fine number.',
      'Drop them an email.',
      'Refunds for marketplace items have to be requested from the seller directly.',
      'You\'ll find their contact details under "Sold by" on your order page.',
      "You'll have to list your tickets on the official fan exchange, which you can find on the venue's website.",
      'Message us on WhatsApp and the team there will help.',
      'For anything about your pension, the pensions team is on 0300 555 0101.',
    ],
    [
      "Yes, bring it to Croydon any time — I've noted it on your order so the desk will swap it straight away.",
      "I'll try to call you before 5.",
      'I will make sure the refund goes through by end of day.',
      'Sarah from accounts is going to call you tomorrow.',
      'Go to Settings and switch on notifications.',
    ],
  );
});

test('cant_focus: refusals in more shapes; perception and "answer for" are not refusals', () => {
  table(
    'cant_focus',
    [
      "We can't see you without a referral.",
      'The re-evaluation window is closed and no further requests can be entertained.',
      'Sadly that room type is fully booked and no upgrades are possible.',
      "There isn't anything more we can do.",
      "That isn't something I have the authority to approve.",
    ],
    [
      'Transit time estimates are not guaranteed and the carrier assumes responsibility once the package leaves us.',
      "The locum isn't one of our regular doctors, so we can't really answer for how he spoke to you.",
      "We can't deliver on Sunday, but Saturday morning is free if that helps.",
      "There's no problem our team can't solve.",
    ],
  );
});

test('commitments: structure does not hide a promise, and a withheld promise is none', () => {
  assert.deepEqual(promises("I'll call you tomorrow at 10, does that work?"), [{ phrase: "I'll call you tomorrow at 10", due: '2026-03-12T10:00:00+00:00' }]);
  assert.equal(promises("I'll send the new card out today, and if you need anything else just shout.").length, 1);
  assert.equal(promises("I'll call you tomorrow at 10 - let me know if that doesn't suit.").length, 1);
  // "to see if you'd like a swap" is the purpose of the call, not an offer that takes the promise back.
  assert.deepEqual(
    promises("I've refunded one day's rental, and our branch manager will call you within 2 hours to see if you'd like a swap.").map((c) => c.due),
    ['2026-03-11T12:00:00+00:00'],
  );
  assert.equal(promises('The board will decide by Friday.')[0]?.due, '2026-03-13T17:00:00+00:00');
  assert.equal(promises('A replacement car will be brought to you as well.').length, 1);
  assert.equal(promises("I can't guarantee the driver will call ahead.").length, 0);
  assert.deepEqual(promises('Once the part arrives (usually 3-5 days), our technician will fit it.'), [{ phrase: 'our technician will fit it', due: null }]);
  const under = 'On 19 Aug 2026, at 21:14, Seán Moran wrote:\n> hi can i get a new debit card sent to my work address?\n\nHi Seán, no problem. It\'ll be posted out by Friday.';
  assert.equal(promises(under).length, 1);
});

test('due times: spoken clock times, day numbers, windows of days, chat spellings, times tied to other words', () => {
  const due = (text: string) => promises(text).map((c) => c.due);
  assert.deepEqual(due("I'll ring you back at 4:30."), ['2026-03-11T16:30:00+00:00']);
  assert.deepEqual(due("I'll call you by 8 tonight."), ['2026-03-11T20:00:00+00:00']);
  assert.deepEqual(due("You'll receive the refund by Fri 20th."), ['2026-03-20T17:00:00+00:00']);
  assert.deepEqual(due("I'll reply by Friday week."), ['2026-03-20T17:00:00+00:00']);
  assert.deepEqual(due("I'll call you this Wednesday."), ['2026-03-11T17:00:00+00:00']);
  assert.deepEqual(due("I'll ring you on Monday or Tuesday."), ['2026-03-17T17:00:00+00:00']);
  assert.deepEqual(due("I'll call you at half past two."), ['2026-03-11T14:30:00+00:00']);
  assert.deepEqual(due("I'll call you at quarter to five."), ['2026-03-11T16:45:00+00:00']);
  assert.deepEqual(due("I'll call you in a fortnight."), ['2026-03-25T10:00:00+00:00']);
  assert.deepEqual(due("We'll get it to you by Tues."), ['2026-03-17T17:00:00+00:00']);
  assert.deepEqual(due("i'll email u 2moro"), ['2026-03-12T17:00:00+00:00']);
  assert.deepEqual(due("I'll drop the documents in the post this arvo."), ['2026-03-11T17:00:00+00:00']);
  assert.deepEqual(due('Will call you back at 3.'), ['2026-03-11T15:00:00+00:00']);
  assert.deepEqual(due("I'll be ringing you on Friday at 11."), ['2026-03-13T11:00:00+00:00']);
  assert.deepEqual(due("We'll have your pack for next week ready by Tuesday."), ['2026-03-17T17:00:00+00:00']);
  assert.deepEqual(due("We'll text you the morning of the delivery with a 2-hour slot."), [null]);
  assert.deepEqual(due("I'll forward them today and the parcel will be released within 2 working days after that."), ['2026-03-11T17:00:00+00:00', null]);
  // "that day" is the day named earlier in the sentence, across the clock change.
  assert.deepEqual(due("I'll double-check the run on the 1st and let you know by 10am that day."), ['2026-04-01T17:00:00+01:00', '2026-04-01T10:00:00+01:00']);
  // "a week before", counted back from the date named earlier.
  assert.deepEqual(due('Your tickets are confirmed for March 21, and the e-tickets will be emailed to you a week before.'), ['2026-03-14T17:00:00+00:00']);
});

test('promises in more registers: "allow us 48 hours", "will reflect", "expect our call", "by Friday" after Friday\'s close', () => {
  const due = (text: string, now = options.now, timeZone = options.timeZone) => extractCommitments(text, { now, timeZone }).map((c) => c.due);
  assert.deepEqual(due('Kindly allow us 48 hours, we will update you.'), ['2026-03-13T10:00:00+00:00']);
  assert.deepEqual(due('The amount will reflect in your account in 5-7 business days.'), ['2026-03-20T17:00:00+00:00']);
  assert.deepEqual(due('Expect our call on Thursday.'), ['2026-03-12T17:00:00+00:00']);
  // Said on Friday 27 March at 18:30, after the business day: next Friday, after the clocks have changed.
  assert.deepEqual(due("I'll call you by Friday.", new Date('2026-03-27T18:30:00Z')), ['2026-04-03T17:00:00+01:00']);
  // Half-hour zones keep their offset.
  assert.deepEqual(due("I'll call you in 2 hours.", new Date('2026-04-04T02:00:00Z'), 'Australia/Adelaide'), ['2026-04-04T14:30:00+10:30']);
});

test('blame: the rhetorical question that puts it on the customer; a real question does not', () => {
  table(
    'blame',
    ['Did you not read the email we sent last week?', "Didn't you check the size guide before ordering?", 'Were you not told at the desk that breakfast ends at 10?'],
    ['Did you receive our email about the change?', 'Have you checked your spam folder?', "Didn't you get my text? I'll resend it now."],
  );
});

test('blame in more voices (terse chat, Indian English, formal letters), and their neutral twins', () => {
  table(
    'blame',
    [
      'the courier guy didnt even ring the bell lol',
      'Sir, the mistake happened at the branch level, head office is not involved.',
      'This is a technical issue of the payment gateway.',
      'The concerned department has not yet responded, please wait.',
      'We regret to inform you that the error occurred due to incorrect details furnished by you.',
      'As per our records, you did not turn up for the appointment.',
      'It appears you may have missed the renewal reminder we sent in January.',
      'The account was locked because too many wrong passwords were entered.',
      'Regrettably the hotel did not honour the booking we made.',
    ],
    [
      'The concerned team has processed your request and the card is on its way.',
      'You did not need to pay twice; I have refunded the extra amount.',
      'The issue with the payment gateway is fixed and your booking is confirmed.',
      "If you didn't attend, just let me know and I'll rebook.",
      'The hotel confirmed your booking this morning.',
    ],
  );
});

test('no_acknowledgement: the draft itself restates the failure it answers, without a word of regret', () => {
  table(
    'no_acknowledgement',
    [
      'I have checked the double charge on your card and the duplicate will drop off in 3 days.',
      'The late delivery was caused by a routing error. The parcel is now out for delivery.',
      'Following your call about the outage, service has been restored.',
      'We received your message that the app keeps crashing. Please update to version 4.2.',
    ],
    [
      "Thanks for your email about upgrading. The Pro plan is £12 a month and I've switched you over.",
      'Your order has been dispatched and will arrive tomorrow.',
      "We've added the extra charge for the cake you requested, £15.",
      'Following your call about the outage, service has been restored. Sorry for the disruption.',
    ],
  );
});

test('cant_focus: a past attempt that failed is a report, a decision is still a refusal', () => {
  table(
    'cant_focus',
    ['We were unable to approve your application.', 'We can no longer offer that tariff.'],
    ['The driver was unable to deliver because nobody was in.', "Sorry we weren't able to get to you sooner.", 'The engineer could not get access on Tuesday.'],
  );
});

test('channel_redirect in more shapes: the best person to speak to, worth a ring, a suggestion as a question', () => {
  table(
    'channel_redirect',
    [
      'The best person to speak to is your account manager.',
      'You may wish to seek advice from Citizens Advice.',
      'Have you tried contacting the venue?',
      'Maybe try the Apple store?',
      "It'd be worth giving the council a ring.",
      'Our sister company handles that, their site is www.example.org.',
      'For urgent issues call 111.',
      "The council's parking team will be able to help with that.",
      "Someone in our returns department can help; they're on returns@example.com.",
    ],
    [
      'Our engineer will be able to help you on Friday when he visits.',
      'For anything else, just reply to this email.',
      'The best way to reach me is this email thread.',
      'It might be worth restarting the router first.',
      'Have you tried restarting the app?',
      'The tracking number is JD 4412 0095 1GB.',
    ],
  );
});

test('complaints: "ordered navy and got black" reports a failure; "Please can you waive the late fee?" only asks', () => {
  assert.ok(complaintScore('I ordered navy and got black.') >= 1);
  assert.equal(complaintScore('Please can you waive the late fee just this once? I was in hospital.'), 0);
});

test('chat promises: the "I" dropped after an emoji or an interjection, and "ill" for "I\'ll"', () => {
  assert.deepEqual(promises('hey! sorry bout that 🙈 will get a new one out 2 u first thing tmrw').map((c) => c.due), ['2026-03-12T09:00:00+00:00']);
  assert.deepEqual(promises('no worries, ill send it over today').map((c) => c.due), ['2026-03-11T17:00:00+00:00']);
  assert.equal(promises('The weather 🌧 will improve tomorrow.').length, 0);
});

test('due times: "Monday AM", "at 17.30", "by half five"', () => {
  const due = (text: string) => promises(text).map((c) => c.due);
  assert.deepEqual(due("I'll call you Monday AM."), ['2026-03-16T12:00:00+00:00']);
  assert.deepEqual(due("I'll call you at 17.30."), ['2026-03-11T17:30:00+00:00']);
  assert.deepEqual(due("I'll call you by half five."), ['2026-03-11T17:30:00+00:00']);
  assert.deepEqual(due("I'll call you in half an hour."), ['2026-03-11T10:30:00+00:00']);
  assert.deepEqual(due('I am going to call you at 3pm.'), ['2026-03-11T15:00:00+00:00']);
});
