// Round 7 (issue 5): blame look-alikes that drafts5 and holdout4 (both read as development data) showed the coach
// flagging: the agent owning the case for the company, good news about what is the customer's, a thing that never
// arrived, "he's doing" read as a possessive. Sentences written for this file, each class with blaming look-alikes
// that must still fire.
import { test } from 'node:test';
import { table as probe } from './probe.ts';

const table = (positive: string[], negative: string[]) => probe('blame', positive, negative);

test('blame: how the customer dealt with us, or our own slip set against someone else, is owning it', () => {
  table(
    [
      'You ordered from the seller, not from us, so that is between you and them.',
      "The cashier typed it in, so that's his mistake, not ours.",
      "That's the warehouse's fault, not mine.",
      'Honestly, sorting out your router is your job, not ours.',
    ],
    [
      'You bought it from us, so putting it right is our job.',
      'Your tour is booked with us, so I will deal with the coach company myself.',
      "That was our depot's mistake, not yours, and I've rebooked the delivery for Friday.",
      "That's our slip, not the cashier's: the till was set up wrong.",
      "This isn't anything you did, the building's boiler failed on Thursday night.",
      'Chasing us should not be your job, so I have set a reminder on my side.',
    ],
  );
});

test("blame: 'yours' handed over as a fault, not as something given", () => {
  table(
    ['The decision was yours, as stated in the terms you signed.', 'The mistake was yours, I am afraid.'],
    ['The expense refund is yours regardless of the delay.', 'The lounge and pool are yours from the moment you arrive.'],
  );
});

test('blame: a thing that never arrived is news, a person who never checks is running them down', () => {
  table(
    ['They never check the notes before ringing customers, honestly.', 'The night team never reads the handover book.'],
    [
      "I'm sorry the parcel never arrived; I've sent a replacement today.",
      'Our emails went to your old address, so they never reached you. I have updated it now.',
      'The voucher never worked because of a fault in our checkout, and I have added the discount by hand.',
    ],
  );
});

test("blame: a pronoun's contraction is not a possessive", () => {
  table(
    ["The courier's mistake meant it went to the wrong town.", "That was the night manager's decision, not mine."],
    ["I will phone you at 9am tomorrow to see how he's doing.", "I'll check what she's doing about the refund and call you back."],
  );
});

test('channel_redirect: another contact, a report to file, someone to see, a team to fix it (drafts5)', () => {
  probe(
    'channel_redirect',
    [
      "Try the municipality's number.",
      'If not, give the emergency line a bell on 1800 555 021.',
      "You'll want to file a police report.",
      "You'll need to see your academic advisor to get re-registered.",
      "Spam filtering is done by your email server, so that's for your IT team to fix.",
      'Any query needs to come from you to the board.',
      'Claims can be made via the website.',
      'For medical needs call the Medical Priority line at 800-555-0142.',
    ],
    [
      'I have filed a police report on your behalf and sent you its number.',
      "I'll see your manager at the meeting on Friday.",
      'Payments can be made on Friday as usual.',
      "I've passed it to the board with your letter; any query needs to come from you to the board only if they ask.",
    ],
  );
});

test('cant_focus: a disputed charge declared correct or final (drafts5)', () => {
  probe(
    'cant_focus',
    ['The charge of €300 is therefore correct.', 'The denial stands.', 'The fee applies.', 'I checked the reading and the bill is correct.'],
    ["The fee applies to paper bills, but e-statements are free and I've switched you over.", 'The price remains £10 a month.'],
  );
});

test('blame: our own unit declared powerless over another party, or only passing on what they say (holdout5)', () => {
  table(
    [
      'Honestly, the front desk has no control over their schedule.',
      'Support doesn\'t get advance notice of template updates, so I can\'t say more.',
      "The adjuster only passes on what the vendor's report says.",
      'The branch has no say in what head office charges.',
    ],
    [
      "We have no control over the weather, sadly, so I've rebooked you on the 9am.",
      "Our team has no access to your bank's records, but I've sent you the form and I'll chase it on Friday.",
      "We don't blame the caterer or the crew for this, and I've refunded your meal.",
      "Even though our trainers book their own diaries, you paid us, so I've refunded the session.",
      "That gap is between two of our own offices and it isn't something you could have known about.",
    ],
  );
});

test('channel_redirect: an errand to another party or its channel, whatever the verb (holdout7)', () => {
  probe(
    'channel_redirect',
    [
      'Please take the kettle and your receipt back to the Leeds branch.',
      'Please put your complaint to the hotel in writing and keep a copy.',
      'For missing parcels please lodge a claim through the sender.',
      'If you disagree, you can file an appeal with the state Department of Insurance.',
      'Kindly coordinate with them directly.',
      'Your IT admin should check the IdP settings.',
      'Any concerns about what was sold to you need to go to the dealer.',
    ],
    [
      'Your admin should have removed the leavers, so I have removed them for you now.',
      'So the delay sits with him and not with the current plans office.',
      "I've sent your photos to the hotel and asked them to reply to you by Friday.",
      'Please keep this email for your records.',
    ],
  );
});

test('blame: our own slip set against another, or no one at fault, is owning it (holdout7)', () => {
  table(
    ["The garlic bread was the rider's mistake, not ours."],
    [
      "The garlic bread was our packing mistake, not the rider's.",
      "That's a customs check, not something the shipper did wrong.",
      'The delay came from the storm, which was outside our control, and I have rebooked you.',
    ],
  );
});
