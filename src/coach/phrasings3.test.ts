// Round 3 (issue 5): the weaknesses round 2 left, each widened as a rule with the neutral sentences that share
// its words: indirect blame of the customer, "direct any further queries to …", a failure report followed by a
// polite request, and refusals said through policy, eligibility or "not going to happen".
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { has, table, probeOptions as options } from './probe.ts';
import { extractCommitments } from './commitments.ts';
import { complaintScore } from './rules/complaint.ts';



test('blame: a careless act implied without naming the customer', () => {
  table(
    'blame',
    [
      'Accounts are only accessed this way when a password has been reused on another site, so please change it.',
      'This usually happens if the PIN has been shared with someone.',
      "Damage like this typically occurs when the unit isn't installed correctly.",
      'In our experience this only happens when the filter is not cleaned properly.',
    ],
    [
      'The discount only applies when you order over £50.',
      'Refunds usually arrive within five days when paid by card.',
      "This usually happens when the app is out of date, so I've sent you the update link.",
      'We only share your details when you ask us to.',
      'Passwords are only reset when the account holder asks.',
    ],
  );
});

test('blame: fault named on another party, the customer made responsible, our own side cleared', () => {
  table(
    'blame',
    [
      "The courier didn't follow the delivery instructions.",
      'The driver never even knocked.',
      'The payment provider is at fault here.',
      'You are responsible for the security of your password.',
      'Had the form been filled in correctly, it would have gone through first time.',
      "You didn't attach the receipt.",
      'The item left our warehouse in perfect condition.',
      'The item was in perfect condition when it was dispatched.',
      'We did nothing wrong here.',
      'Our team followed the correct procedure.',
    ],
    [
      'Whoever is at fault, I have refunded you.',
      "If the part had been fitted correctly by us, this wouldn't have happened.",
      "You are responsible for returning the item within 30 days; I've emailed a label.",
      "The driver didn't knock, and I've booked a redelivery for tomorrow.",
      "We are responsible for fixing it and I've booked an engineer.",
      "It's in good condition and ready to collect.",
      'The flat was in good condition when you moved in, so the deposit is returned in full.',
    ],
  );
});

test("blame: decisions made by another party, third-party causes and habits, disowning in the agent's voice", () => {
  table(
    'blame',
    [
      'That limit was set by our compliance department.',
      'Slow speeds are usually caused by your router placement.',
      'The coach broke down because the hire company sent an old vehicle.',
      'The lab is a pain, they are always slow.',
      'Klarna sets the schedule, we have got nothing to do with it.',
      'We are not responsible for items sold by marketplace sellers.',
      "It's a rule the depot manager brought in, not one I agree with.",
      'The delay started with the hospital.',
      "It's your bank that's sitting on it.",
      'There is no fault on our network.',
      "That's really one for them.",
      'Your bin was missed because it was not presented at the kerbside by 7am.',
      'The online team listed the wrong colour.',
    ],
    [
      'Your refund was approved by our finance team today.',
      'The parcel was delivered by DPD this morning.',
      'The new fees were set by Ofgem in April.',
      'The price cap is set by the regulator.',
      'Tickets were released by the promoter at 10am.',
      'You are responsible for the first £100 of any claim (the excess).',
      'Customers are responsible for return postage on change-of-mind returns.',
      'The 16+ age limit is set by the performer and we are required to enforce it at the door.',
      "The delay was caused by your request to change the date, so it's now due Friday.",
      "The price went up because the supplier raised its costs, so I've applied a discount.",
      "There's no fault on our network, so I've booked an engineer to check your wiring.",
      'The sync keeps failing, sorry about that.',
      'Tuesday’s release broke it and we shipped a fix.',
      "You're right that the late payment wasn't your doing.",
      'Because the payment was a bank transfer that you authorised yourself, we are not permitted to reverse it.',
      'I apologise. The route sheet had your street listed in the wrong order, which has now been corrected.',
    ],
  );
});

test('channel_redirect: further queries sent elsewhere are a redirect, a closing courtesy is not', () => {
  table(
    'channel_redirect',
    [
      'Please direct any further queries to the claims team at claims@example.com.',
      'Please send any further questions to our billing department.',
      'Please forward any further correspondence to the insurer.',
    ],
    [
      'Please direct any further queries to me.',
      'If you have any further questions, please call us on 0800 123 4567.',
      'For anything else, please reply to this email.',
      'I will send any further updates to you by email.',
    ],
  );
});

test('channel_redirect: queries routed in the passive, advice in the first person, the place as the channel', () => {
  table(
    'channel_redirect',
    [
      "I'd give them a call.",
      'Any questions about your bill go to our billing team at billing@example.com.',
      "Complaints about the coach go to them, I'm afraid.",
      'Any claim for your tyre will need to go to the county.',
      "You'll need to open a claim with DPD.",
      "You'll have to use the Tralee branch from now on.",
      'Their number is on the back of the card.',
      'Request you to visit the nearest office with your ID.',
      "You'll have to sort it out with your bank.",
      "For mortgage stuff you'll wanna reach out to our lending partner at 1-800-555-0144.",
      "You'll have to go back into the store where you bought it.",
      'It has to go back through the website.',
      "Your best bet is the council's website.",
      'The team you want is Accounts, on 0161 496 0000.',
      'This needs to be taken up with your insurer.',
      "Have a word with reception when you're next in.",
      'Give our sales line a bell.',
      'Try the help centre at help.example.com.',
      'You need the returns portal for this.',
      'That would be one for your bank.',
      'Kindly approach the nearest branch.',
      'Please revert to the vendor for this.',
      'Pls reach our helpline 1800 200 300.',
      'Write in to our head office at 1 High St.',
      "It's the airline you need to speak to.",
    ],
    [
      "I'd give you a call but the line is down.",
      'Any questions come to me directly.',
      'Any problems come to us first.',
      "I've opened a claim with DPD for you and they'll contact you.",
      'You can use the app to track it.',
      'A new one is set aside for you at the store, just bring the old one in any day this week.',
      "We'll sort it out with the bank for you.",
      'Refunds go through to your card within five days.',
      'Refunds go back to the card you paid with.',
      "Complaints go through our formal process, which I've started for you.",
      "You'll need the reference number from your receipt.",
      "Use the app to see your balance any time, and I've also emailed it.",
    ],
  );
});

test('complaint: a failure told first is not taken back by a polite request after it', () => {
  assert.ok(complaintScore("I've been trying to renew online for a week and the site keeps erroring out. Can you just do it?") >= 1);
  assert.ok(complaintScore('My order never arrived. Could you check where it is?') >= 1);
  assert.equal(complaintScore('My parcel is stuck in customs, could you tell me what they need?'), 0);
  assert.equal(complaintScore('Can you tell me when the pool reopens? Could you also send the timetable?'), 0);
});

test('complaint: persistent faults, broken promises and demands in plain words; own circumstances are not', () => {
  for (const text of [
    'Speeds have been under 5Mbps every evening for a fortnight. I pay for 100. Fix it.',
    "What's the status of my application? I submitted the documents two weeks ago and heard nothing.",
    "My gift card shows R0 but I've never used it. Somebody stole my money?",
    'CSV exports have been dropping the last column since the update.',
    'Third missed bin collection this month. What exactly am I paying council tax for?',
    'My solicitor requested my records a month ago. Why the hold-up?',
    'I was told by your agent the visa letter was included, and now it isn’t?',
    "Tracking says delivered but there's nothing here.",
    'ordered a medium, got an XL. 2nd time this has happened',
    'My parcel has gone to Manchester. I live in Leeds. How does this happen?',
    'Pallet arrived with half the boxes crushed. Who is paying for this?',
    'Klarna took the payment early and I have gone overdrawn.',
  ]) {
    assert.ok(complaintScore(text) >= 1, text);
  }
  for (const text of [
    'Can you send me a copy of my degree certificate? Mine was lost in a house move.',
    "I can't log in.",
    'How does the loyalty scheme work?',
    'What time does the pool open on Sundays?',
  ]) {
    assert.equal(complaintScore(text), 0, text);
  }
});

test('no_acknowledgement: empathy and validation in more voices count; plain facts do not', () => {
  const context = "My order arrived broken and I'm really annoyed. Third time!";
  for (const opener of [
    'I realise how disruptive this has been.',
    'This has clearly caused you real trouble.',
    'I hate to hear that.',
    'Not good at all.',
    "That's a poor show from us.",
    'Thanks for letting us know, and for your patience.',
    'I can see this has been a real hassle.',
    "Ugh, that's the worst.",
    'Three times is three too many.',
    'Totally fair to be annoyed.',
    "I'd be fuming too.",
    "That's not how it should have gone.",
    "I'm so sad to hear that.",
    "That's really not good enough.",
  ]) {
    assert.ok(!has(`${opener} A new one ships today.`, 'no_acknowledgement', context), opener);
  }
  for (const opener of ['I know how to fix this.', 'I can see the order on our system.', 'Thanks for letting us know.']) {
    assert.ok(has(`${opener} A new one ships today.`, 'no_acknowledgement', context), opener);
  }
});

test('no_acknowledgement: an apology on the greeting line counts', () => {
  assert.ok(!has("Hi Priya, sorry about the overcharge. I've reduced the subscription to 25 seats.", 'no_acknowledgement', 'We were charged for 40 seats but only have 25 users. Please fix.'));
  assert.ok(has("Hi Priya, I've reduced the subscription to 25 seats.", 'no_acknowledgement', 'We were charged twice for 40 seats and only have 25 users. Please fix.'));
});

test('cant_focus: refusals through policy, eligibility and "not going to happen"; not when an offer follows', () => {
  table(
    'cant_focus',
    [
      "It's not our policy to refund deposits.",
      "I'm afraid that's not going to happen.",
      'Your account is ineligible for the upgrade.',
      "We're not going to be able to move the date.",
      "We don't have the authority to waive the fee.",
      "The system won't allow a second booking.",
      'Refunds are not given on sale items.',
      "That's beyond what I'm able to approve.",
      "There's nothing further we can do.",
      "Compensation only applies to outages over 12 hours, so this one wouldn't qualify.",
      "I've got no say in it, it's above my pay grade.",
      "Custom domains on the free plan isn't a thing we do.",
      "That decision isn't made by us, so the branch can't override it either.",
      "Regrettably, a refund isn't on the cards.",
      "That's not doable I'm afraid.",
      'Not possible, sorry.',
      "There's no chance of a refund.",
      "We won't budge on the fee.",
      "That's a non-negotiable charge.",
      'Transfers are prohibited.',
      'We no longer carry that model.',
      "We're not prepared to refund the full amount.",
      'The request has been turned down.',
      'Your appeal was unsuccessful.',
      "We can't refund the deposit. You can read our full terms on the website.",
      'We cannot reopen the claim, so I will close this ticket.',
      "We can't refund it. We'd be happy to help with anything else.",
      "We can't refund it. You can contact us again if anything changes.",
      "We can't refund it. I will make a note on your account.",
      "We can't refund it. We'll be sure to pass this on to the team.",
      "We can't refund it. Options are limited here.",
    ],
    [
      "It's our policy to reply within a day.",
      "I've added a check so it can't slip through again.",
      "We're not going to let this happen again.",
      "We can't refund it, but we'd be happy to help you choose a replacement.",
      "We can't refund it; one option is a credit note.",
      "We're not going to charge you for it.",
      "Not possible to get it sooner, but I've booked the first slot on Monday.",
      "Smoking is prohibited in the rooms, and I've moved you to a quieter floor.",
      "Your earlier payment was unsuccessful, so I've sent a new link.",
      "You'd qualify for the discount if you renew, and I've added a note.",
      "The warranty doesn't qualify you for a new unit, but I've booked a repair.",
      "It isn't our policy to charge for that.",
      'The outage is not going to happen again.',
      "I don't have the ability to see your card number, but I've sent you a link to update it.",
      "The new contract won't cover the old debt, but you can spread it over twelve months.",
      "We can't refund the deposit, but you can move the booking to another date.",
    ],
  );
});

test('commitments: pronoun subjects after a condition, "and if …" split off, outcomes to the customer; not announcements', () => {
  const at = (text: string) => extractCommitments(text, options).map((c) => ({ phrase: c.phrase, due: c.due }));
  const refund = at("I've opened a case with the seller; if they don't respond within 48 hours we'll refund you ourselves.");
  assert.equal(refund.length, 1);
  assert.equal(refund[0]!.due, null);
  const two = at("I'll come back to you by 3pm tomorrow with their answer, and if they refuse I'll process a full refund.");
  assert.equal(two.length, 2);
  assert.equal(two[0]!.due, '2026-03-12T15:00:00+00:00');
  assert.equal(two[1]!.due, null);
  assert.equal(at('Once you return the form, our team will release the funds within 10 working days.')[0]?.due, null);
  assert.equal(at("I've reversed the charge and you'll see it back on your card within 3 business days.").length, 1);
  assert.equal(at('Our crew will take the old one away on Saturday.').length, 1);
  assert.equal(at('Our CTO will publish the full write-up by Friday.').length, 1);
  assert.equal(at('Our tree team will cut them back on Thursday and glass collections will restart on Monday 16 March.').length, 2);
  assert.equal(at("You'll see the new design tomorrow.").length, 0);
  assert.equal(at('The new timetable will be published on our website next month.').length, 0);
  assert.equal(at('The repair will take three days.').length, 0);
});
