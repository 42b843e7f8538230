// Round 5 (issue 5): classes of phrasing that holdout2 (now development data) showed the coach missing or
// over-reading. Each class is tested on sentences written for this file, not taken from any eval set, with the
// neutral look-alikes that share its words and must not fire.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { complaintTable, has, promises, table } from './probe.ts';



test('blame: a bad habit pinned on a colleague or a system', () => {
  table(
    'blame',
    [
      'Derek has a habit of forgetting to log callbacks.',
      'The night team keeps mixing up the room numbers.',
      'Priya in accounts constantly gets the VAT wrong, sorry.',
      'Our old courier ALWAYS gets the postcodes wrong.',
      'The card reader does that from time to time.',
      "The booking portal does that now and then, it's nothing we in support can control.",
    ],
    [
      'We have a habit of checking every order twice before it leaves.',
      'Sorry, the labels got mixed up in packing and I have sent the right ones today.',
      'The app does that automatically once a week, so there is nothing you need to do.',
      'If it does that again, I will send an engineer out.',
      'Our team always gets back to customers within a day.',
    ],
  );
});

test('blame: the problem handed to a person, a unit disowned, our side cleared by contrast', () => {
  table(
    'blame',
    [
      "Honestly that's a them problem.",
      "It's not the school's decision, the exam board sets the dates.",
      "That isn't the branch's call.",
      "That's not an error we would ever make.",
      'Not the kind of mistake I would make, to be honest.',
    ],
    [
      "It's not your fault at all, these forms are confusing.",
      'It is the kind of slip anyone could make, and I have corrected it.',
      'Let them know if there is a problem with the new date.',
    ],
  );
});

test('blame: the cause put on the customer side or the customer duty, in the passive or the counterfactual', () => {
  table(
    'blame',
    [
      'The drop-outs are at your end, the line tests clean.',
      "So the issue is on your side, not a server problem.",
      'Any damage should have been reported at drop-off.',
      'This should have been cancelled by you before the deadline.',
      'The extra bag should have been declared at check-in.',
      'Had you renewed before the 1st, the discount would have applied.',
    ],
    [
      "We're on your side here and I've asked for the fee to be waived.",
      "This should have been flagged to you at booking, and I'm sorry it wasn't.",
      'Your refund should have been processed by now; I have chased it this morning.',
      'Had we known sooner, we would have sent a courier.',
      'Had the parts arrived, the engineer would have fitted them on Monday.',
    ],
  );
});

test('blame: neutral look-alikes (where the customer bought it, how they paid, their complaint restated, time possessives)', () => {
  table(
    'blame',
    [
      'The supplier sent the wrong cable.',
      'thats just how the system works im afraid',
      'its not our fault the courier was late',
    ],
    [
      'Returns go back to the shop where you bought the jacket, and I have let them know you are coming.',
      'As you paid through PayPal, the refund goes back to your PayPal balance.',
      "I understand you're upset that the courier left it outside.",
      'The fix shipped in Monday\'s release, so the export works again.',
      'The engineer who covers your area will call ahead.',
      'Pick a time of your choice and I will book it in.',
      'The supplier sent the wrong cable, so I have ordered the right one for tomorrow.',
    ],
  );
});

test('commitment: a passive with a re- verb, channel and upkeep verbs, someone coming, covering or finding another time', () => {
  const yes = [
    'Your card will be re-sent by Friday.',
    'The parcel will be re-delivered tomorrow.',
    'Your badge will be re-printed and posted within 3 working days.',
    'Sofia from our team will WhatsApp you this afternoon.',
    'Maintenance will service the boiler on Friday.',
    'Housekeeping will restock the minibar by 6pm today.',
    'An electrician will be here on Thursday morning.',
    'Our driver will be at reception at 8am.',
    'Jonah will take your class on Monday.',
    'Amira will take over your case from tomorrow.',
    "If the slot doesn't work, I'll find another time this week.",
    'Our technician Marco will call you at 9am tomorrow.',
    'Your adviser Grace will email the forms by Friday.',
  ];
  for (const text of yes) assert.equal(promises(text).length, 1, `expected a promise: ${text}`);
  const no = [
    'Prices will be re-calculated automatically each month.',
    'The printer will print double-sided by default.',
    "I'll be here if you need anything else.",
    'The office will be at least partly open over Easter.',
    'It will take three working days.',
    "You'll find the form attached.",
    'Our colleague Ben will be on leave next week.',
  ];
  for (const text of no) assert.deepEqual(promises(text), [], `no promise expected: ${text}`);
});

test('commitment: chat without the article, a second promise with its own subject, a possessive day, an offer after "or"', () => {
  assert.deepEqual(promises('Sorry about the mix-up with your order. Replacement ships Monday.'), [{ phrase: 'Replacement ships Monday', due: '2026-03-16T17:00:00+00:00' }]);
  assert.deepEqual(promises('Refund goes out tomorrow.'), [{ phrase: 'Refund goes out tomorrow', due: '2026-03-12T17:00:00+00:00' }]);
  assert.equal(promises('New card arrives Friday.').length, 1);
  assert.deepEqual(promises('Shipping usually takes three days.'), []);
  assert.deepEqual(promises('Delivery arrives whenever the courier gets there.'), []);
  assert.deepEqual(promises('Ana will call you tomorrow, and a credit of £20.00 will be added to your account.'), [
    { phrase: 'Ana will call you tomorrow', due: '2026-03-12T17:00:00+00:00' },
    { phrase: 'a credit of £20.00 will be added to your account', due: null },
  ]);
  assert.deepEqual(promises("I'll waive today's late fee."), [{ phrase: "I'll waive today's late fee", due: null }]);
  assert.deepEqual(promises("We'll refund Friday's booking."), [{ phrase: "We'll refund Friday's booking", due: null }]);
  assert.deepEqual(promises("We'll put it on tomorrow's van."), [{ phrase: "We'll put it on tomorrow's van", due: '2026-03-12T17:00:00+00:00' }]);
  assert.deepEqual(promises("I'll post it the day it arrives, or I can hold it at the desk if you'd rather."), [{ phrase: "I'll post it the day it arrives", due: null }]);
});

test('no_acknowledgement: failures told calmly in more shapes, pleading, and what is not a complaint', () => {
  const reply = 'Your case reference is 4471 and the billing team will review it.';
  const complaints = [
    'Your site has debited me three payments for one order.',
    'The invoice export skips every second row.',
    'My two exams are at the same time next Tuesday.',
    "The letter says I owe £120 but I've paid every quarter.",
    "You're withholding my deposit and nobody will say why.",
    "The courier wasn't at the collection point when I got there, so we waited for an hour in the car park.",
    "Can someone please, please help, I'm in tears over this.",
    'The app glitches whenever I log in and honestly I am so over it.',
  ];
  const notComplaints = [
    "Sorry for sending the form in late, I was away. Is that still OK?",
    'Do your evening classes run at the same time every week?',
    'Can I make two payments in one go?',
    'Thanks for the quick reply re application 26/0412/FUL, that helps.',
  ];
  complaintTable(reply, complaints, notComplaints);
});

test('no_acknowledgement: a feeling restated is not empathy, empathy about the situation is, venting at a third party is not', () => {
  const context = 'My parcel was due Monday and it still has not come. Really annoyed.';
  table(
    'no_acknowledgement',
    [
      "I can see you're upset that the delivery was late. The driver will come back tomorrow.",
      'I note you are unhappy with the delay. A new parcel goes out tomorrow.',
      "Ugh, the courier again, they're hopeless. I'll send another one today.",
    ],
    [
      'I can see how frustrating this has been. The driver will come back tomorrow.',
      'Being left waiting in all day is miserable, I know. A new parcel goes out tomorrow.',
      'I know how stressful it is to wait in for a parcel that never comes. A new one goes out tomorrow.',
      "Ugh, what a week you've had with this! I'll send another one today.",
    ],
    context,
  );
});

test('channel_redirect: taking it back, a self-service step in the gerund, another party\'s site, "best off giving them a ring", a contact written out', () => {
  table(
    'channel_redirect',
    [
      'Please take the faulty kettle back to the shop you bought it from.',
      'Take your booking confirmation to the front desk at the Leeds branch.',
      'Warranty claims need submitting through the manufacturer portal.',
      "Lost cards need reporting by phone, we can't do it over chat.",
      "Kindly see the airline's website for the baggage rules.",
      "You're better off giving the leasing office a ring.",
      'Please use the returns form on our website.',
      'Refund questions should go to your card provider.',
      'if you still want it changed, email the new address to updates@rail.example',
      'Claims must be lodged within 30 days at www.claims.example.',
    ],
    [
      'I tried calling you this morning and will try again at 4pm.',
      'Tickets must be used by the named passenger only.',
      'Refunds go to your card within five days, and yours is already on its way.',
      "I've emailed your photos to claims@insure.example and they'll call you by Friday.",
      'Email me at jo@shop.example if anything changes.',
      "I'll take the old unit back to the depot myself.",
      'Please take a seat in the waiting area when you arrive for your appointment at 3pm.',
    ],
  );
});

test('cant_focus: a charge that therefore stands, "not something the council is in a position to", "isn\'t supported", our <place> doesn\'t', () => {
  table(
    'cant_focus',
    [
      'The late fee therefore stands.',
      "I'm afraid that isn't something the council is in a position to change.",
      'Bulk editing of invoices isn\'t supported.',
      "Our café doesn't accept bookings for groups of more than eight.",
      'I can hear how disappointed you are. Unfortunately we cannot extend the offer.',
      'We cannot reopen the claim after it has been settled. Ciao for now, Ben',
    ],
    [
      'The gate code is only needed when the driver can\'t get through the barrier.',
      "Dark mode isn't supported yet, but I've added your vote and you can switch to high contrast in Settings.",
      "Our kitchen doesn't do set menus, but the chef will cook anything from the main menu for your group.",
      'There is nothing your new router can\'t handle.',
    ],
  );
});

test('second probe round: running a party down, "it\'s always them", a slip told plainly, owned, validated, delivered to a third party', () => {
  table(
    'blame',
    [
      "Honestly the landlord's agents are impossible to work with.",
      'The new booking app is useless for this, honestly.',
      'Your old provider was clueless about porting numbers.',
      "Every late parcel this month, it's always the same courier.",
      "That wasn't us, it was the bank.",
      'The pharmacy dispensed the wrong strength.',
    ],
    [
      "It's impossible to say exactly when the part will land, but I've ordered it and will chase it daily.",
      "It's always a pleasure to help.",
      "It's not you, it's our system that failed, and I'm sorry.",
      "The chef served the wrong dish, so I've refunded it and sent a voucher.",
      "The typo on your badge? That one's all on us, and a new badge is on its way.",
    ],
  );
  assert.ok(!has("Honestly the landlord's agents are impossible to work with.", 'cant_focus'));
  const context = 'Three weeks and still no refund. Not happy.';
  table('no_acknowledgement', ['Refunds take up to 21 days.'], ['Three weeks is way too long for a simple refund. It goes out today.', "That isn't how our refunds team should work, and I've escalated it."], context);
  assert.equal(promises('The report will be with your solicitor by Monday.').length, 1);
  assert.deepEqual(promises('The decision will be with the panel.'), []);
});

test('second probe round: "drop them a line", a helpline named in several words, a request put as a question', () => {
  table(
    'channel_redirect',
    [
      'Give the depot a quick ring on 0161 555 0199.',
      "Shoot accounts an email and they'll fix it.",
      'The Student Finance helpline is 0300 100 0607.',
      "Can you fill in the claim form on the insurer's site?",
    ],
    [
      'Give me a shout if anything changes.',
      "I'll drop the courier a line today.",
      'Give it a go and let me know.',
      'Could you send me a photo of the label?',
      'Can you call me back on this number?',
    ],
  );
});

test('third probe round: "not something on our end", "we regret" beside an outside cause, a habit with an adverb, "I\'d chase them directly"', () => {
  table(
    'blame',
    [
      'Your card issuer blocked it, nothing wrong on our side.',
      "The payment was stopped by your bank, not something at our end.",
      'The router simply does that every so often.',
    ],
    [
      'We regret the delay; the ferry crossing was cancelled in high winds and is outside our control.',
      'Flights were held by air traffic control restrictions all afternoon, which is outside our control, and we regret the disruption.',
    ],
  );
  table(
    'channel_redirect',
    ["I'd ring the surgery yourself, they can rebook it.", "Honestly I'd email the landlord directly."],
    ["I'd call them for you but their lines close at 4, so I'll ring first thing tomorrow.", "I'd be glad to chase them for you today."],
  );
});

test('commitment: a hedged second half ("and should arrive within …") is not the promise, nor its due', () => {
  assert.deepEqual(promises('Your new badge will be posted today and may take a few days to arrive.'), [{ phrase: 'Your new badge will be posted today', due: '2026-03-11T17:00:00+00:00' }]);
  assert.deepEqual(promises('The letter will go out tomorrow and should reach you within 3 working days.'), [{ phrase: 'The letter will go out tomorrow', due: '2026-03-12T17:00:00+00:00' }]);
});

test('fourth probe round (whole drafts): slow "at the moment", the customer\'s doing as the cause in the passive, terms set out in the contract', () => {
  table(
    'blame',
    [
      "The permits office? They're painfully slow these days.",
      'The delivery failed because your gate was not accessible.',
      'The late fee applied because the car was returned late.',
      'These fees were explained in the welcome pack.',
    ],
    [
      "We're a bit slow at the moment because of the holidays, sorry.",
      'We refunded it because the item was returned within the window.',
      "The collection was missed because your bin was not out, so I've booked a special pickup for tomorrow.",
      'The new prices will be explained in an email next week.',
      "There's a fault with the supplier's network. They're on it now. I'll call you at 5 with an update.",
    ],
  );
});

test('fourth probe round: a gerund subject and an appointment already booked promise nothing; "24h" is a duration; a reaction, a broken assurance and "why the fee?" are complaints', () => {
  assert.deepEqual(promises('Clearing your cache will fix the display for now.'), []);
  assert.equal(promises('Marketing will send the voucher by Friday.').length, 1);
  assert.deepEqual(promises('Thanks for waiting. Your engineer visit is scheduled for Friday.'), []);
  assert.equal(promises('Thanks for waiting. Your parcel arrives tomorrow.').length, 1);
  assert.deepEqual(promises("You'll get the label by email within 24h."), [{ phrase: "You'll get the label by email within 24h", due: '2026-03-12T10:00:00+00:00' }]);
  assert.deepEqual(promises("I'll call back in 2h."), [{ phrase: "I'll call back in 2h", due: '2026-03-11T12:00:00+00:00' }]);
  const reply = 'Our products are tested to the highest standards.';
  for (const context of ['I used the shampoo you sold me and had a reaction.', 'Your agent told me the room had a sea view and it didn\'t.', 'Why the £30 fee on my statement?']) {
    assert.ok(has(reply, 'no_acknowledgement', context), `expected no_acknowledgement after: ${context}`);
  }
});

test('fifth probe round: "next time please…", a staff member\'s word against the complaint, nothing left to book, a machine acting by itself, a misspelt name', () => {
  table(
    'blame',
    [
      'In future, please make sure the gate is unlocked on collection day.',
      'The driver insists he left it in the porch as instructed.',
      'The fridge was already dented when it left the warehouse, going by our photos.',
    ],
    [
      "Sorry about that! Next time just add a note and we'll pack it separately.",
      "The driver says he left it in the porch, but I've sent a new one anyway and it arrives tomorrow.",
      'Next time you visit, ask for Priya at the front desk.',
    ],
  );
  table('cant_focus', ['There are no more tables free on Saturday.', "We've got no rooms left that weekend."], ["There are no more tables free on Saturday, but I can seat you at 6pm on Sunday."]);
  assert.deepEqual(promises('If the card is declined, the kiosk will print a payment slip.'), []);
  assert.deepEqual(promises('Once you tap Save, the app will email you a copy.'), []);
  assert.equal(promises('Our engineer will email you a copy tomorrow.').length, 1);
  const reply = 'Please send a copy of your ID.';
  assert.ok(has(reply, 'no_acknowledgement', 'The badge you printed has my name misspelt.'));
  assert.ok(!has(reply, 'no_acknowledgement', 'I misspelt my surname on the form, can you fix it?'));
});

test('sixth probe round: a previous firm\'s slip, "like I said, you need to…", "the date you entered", "we did warn you"; "bummer" and "totally hear you" are empathy', () => {
  table(
    'blame',
    [
      'Your old landlord registered the deposit with the wrong scheme.',
      'As I explained on the phone, you need to keep the receipt for any return.',
      "The tickets are for Saturday, which is the day you selected.",
      'We did tell you the sale items could not be returned.',
    ],
    [
      'As I mentioned, I have already refunded the delivery charge.',
      'The tickets are for Saturday, and I have moved them to Sunday as you asked.',
      "We did send the reminder on Monday, and I'm sorry it landed in your spam folder.",
    ],
  );
  const context = 'The parcel came two days late and the box was crushed.';
  table('no_acknowledgement', ['I have refunded your shipping.'], ['Bummer about the box! I have refunded your shipping.', 'Totally hear you, two days late is not great. I have refunded your shipping.', 'That really sucks. I have refunded your shipping.'], context);
});

test('commitment: "…, and in the meantime … if needed" does not turn the promise before it into an offer', () => {
  assert.deepEqual(promises('Your new badge will be couriered to you by Friday, and in the meantime your temporary pass can be used if needed.'), [
    { phrase: 'Your new badge will be couriered to you by Friday', due: '2026-03-13T17:00:00+00:00' },
  ]);
  assert.deepEqual(promises("I'll book the repair today, but for now just switch it off at the wall if needed."), [{ phrase: "I'll book the repair today", due: '2026-03-11T17:00:00+00:00' }]);
});

test('seventh probe round: "the terms clearly state", "left it in a real mess"; "I\'m going to level with you" promises nothing', () => {
  table(
    'blame',
    ['Our cancellation policy clearly says the deposit is kept.', 'The last agency left your file in a complete mess.'],
    ['Your photos clearly show the crack was there on delivery, so I have refunded you in full.', 'We left the room in a real mess after the repair, and I am sorry; a cleaner is booked for tomorrow.'],
  );
  assert.deepEqual(promises("I'm going to level with you: the part is still on back order."), []);
});

test('eighth probe round (long replies): advice for next time is no alternative to a refusal; "they do this way too often" runs a party down', () => {
  table(
    'cant_focus',
    ["Late cancellation fees can't be refunded. If you'd rather avoid them in future, you can cancel up to 24 hours ahead in the app."],
    ["Late cancellation fees can't be refunded, but you can use this one as credit towards your next class."],
  );
  table(
    'blame',
    ['Looks like the venue oversold the section again, honestly they do this all the time.'],
    ['They do this every week, so your meter will be read on Monday.'],
  );
});

test('ninth probe round: done "to the details you provided" puts the fault on the customer, unless the agent then acts', () => {
  table(
    'blame',
    ['Your parcel was delivered to the address you gave us at checkout.', 'The payment was made to the account number you entered.'],
    ["Your parcel was delivered to the address you gave us, so I've asked the courier to collect it and bring it to your new flat tomorrow."],
  );
});

test('look-alikes of this round\'s classes: "usually gets up to speed", "I was wondering why the…"', () => {
  assert.ok(!has('The app usually gets up to speed within a minute of opening.', 'blame'));
  assert.ok(!has('The store is open until 6pm on Sundays.', 'no_acknowledgement', 'I was wondering why the store closes early on Sundays.'));
});

test('a look-alike sweep over this round\'s blame classes: a good habit, a system working as designed, a wish, where a thing is', () => {
  for (const text of [
    'Our chef has a habit of adding a little extra dessert for birthdays, so expect a surprise!',
    'The team has a history of quick turnarounds, so I expect the report by Friday.',
    'The system does that automatically at midnight, so your points will show tomorrow.',
    'It does that sometimes when the battery is low; charging it for ten minutes brings it back.',
    'Had you wanted the larger size, we would have been happy to swap it, and the offer still stands.',
    'Your order is with the courier and arrives tomorrow.',
    'The booking was made for the date you selected, and everything is confirmed.',
  ]) assert.ok(!has(text, 'blame'), `no blame expected: ${text}`);
  assert.ok(has('The night porter has a habit of losing the spare keys.', 'blame'));
  assert.ok(has('The booking system double-booked the room automatically.', 'blame'));
});

test('a look-alike sweep over this round\'s promise and can\'t shapes: where an event is held, a fee that stands at a price', () => {
  assert.deepEqual(promises('The show will be at the Apollo, doors at 7.'), []);
  assert.equal(promises('Your shopping will be at your door by 6pm.').length, 1);
  assert.equal(promises('A fitter from our flooring partner will be here on Monday.').length, 1);
  assert.deepEqual(promises('The new model will be here in the spring range.'), []);
  assert.ok(!has('The monthly fee stands at £20 from April.', 'cant_focus'));
  assert.ok(has('Having reviewed the footage, the fee stands.', 'cant_focus'));
});

test('calm complaints (a batch of 30 contexts: 20/30 right before, 30/30 after): not done in the passive, a dead link, taken twice, paid for and not given, told one thing and found another, short, a defect', () => {
  const reply = 'Your reference is 5521 and the team has been informed.';
  for (const context of [
    'The hallway light has still not been fixed.',
    'Our room was not serviced on Tuesday.',
    "The 'track order' button takes me to a 404.",
    'My subscription came out twice in February.',
    'We paid for a sea view room but got a view of the car park.',
    'The app shows my refund as sent but my bank has nothing.',
    'The delivery was short by 3 boxes.',
    'The monitor I bought has two dead pixels.',
  ]) assert.ok(has(reply, 'no_acknowledgement', context), `expected no_acknowledgement after: ${context}`);
  for (const context of ["I'll be running late for my 3pm appointment, sorry!", 'Has the parcel been sent yet?', 'The site says 3-5 days but can I get it sooner?']) {
    assert.ok(!has(reply, 'no_acknowledgement', context), `no complaint expected: ${context}`);
  }
});

test('acknowledgement (a batch of 30 openings: 29/30 right before): "a long wait", "no good" validate', () => {
  const context = 'Waited in all day for the engineer and nobody came. Not impressed.';
  table('no_acknowledgement', ['Your new slot is Friday 8-12.'], ['A whole day in is a long wait for nothing. Your new slot is Friday 8-12.', 'Nobody turning up is no good. Your new slot is Friday 8-12.'], context);
});

test('can\'t (a batch of 35: 30/35 right before, 35/35 after): a limit as the only case, a policy with a qualifier, non-transferable; "you\'re welcome to" offers', () => {
  table(
    'cant_focus',
    [
      'Exchanges are only possible within 30 days of delivery.',
      'We only ship to addresses in mainland Europe.',
      "I'm afraid that goes against our booking policy.",
      'Gift cards are non-exchangeable.',
    ],
    [
      "Exchanges are only possible within 30 days, so I've made an exception and booked a courier for yours tomorrow.",
      "Gift cards can't be exchanged, but you're more than welcome to use it online as well as in store.",
      'Our lockers are open to everyone, and you only pay when you use one.',
    ],
  );
});

test('channel_redirect (a batch of 30: 27/30 right before, 30/30 after): "the best way to … is through …", handled "in store", "has a live chat that can help"', () => {
  table(
    'channel_redirect',
    [
      'The quickest way to get this changed is via the self-service portal.',
      'Exchanges are processed in branch only.',
      'The council has a helpline that can help with this.',
    ],
    [
      'The quickest way to get this changed is for me to do it now, so I have.',
      'Our branch has a great team, and I have asked them to call you today.',
    ],
  );
});

test('blame (a batch of 40: 34/40 right before, 40/40 after): a shambles, "a matter for the agent, we just manage the building", botched, the slip made by the temp, "should never have left", "did not know the system"', () => {
  table(
    'blame',
    [
      'Honestly our Bristol warehouse is a farce at the moment.',
      "That's a question for the freeholder, we only manage the lifts.",
      'The fitters bodged the job.',
      'The error was made by a trainee on the night shift.',
      'The plumber should never have signed it off like that.',
      'The agent you spoke to did not know the policy.',
    ],
    [
      "So sorry, the Bristol warehouse has been a shambles this week and I've sent yours from Leeds instead.",
      "That's a question for the freeholder, so I've sent them your photos and they'll reply to you by Friday.",
      'Your port-in should never have taken this long, and I have escalated it.',
    ],
  );
});

test('commitment (a batch of 35: 31/35 right before): a promise not to act against the customer; hedged ("I think … will"); a place\'s opening hours', () => {
  assert.equal(promises("We won't charge you for the cancelled lesson.").length, 1);
  assert.equal(promises('We will not pass the debt to a collection agency.').length, 1);
  assert.deepEqual(promises("We won't be able to refund it."), []);
  assert.deepEqual(promises('I believe the engineer will arrive before noon.'), []);
  assert.deepEqual(promises('The library will be closed over Easter.'), []);
  assert.equal(promises('Your account will be closed by Friday as you asked.').length, 1);
});

test('formal register: "the sum remains payable", "does not accept liability"', () => {
  table('cant_focus', ['Having reviewed your account, the arrears remain outstanding.', 'The charge is still payable.'], ['Your next payment is due on the 5th.', 'The discount remains in place for as long as you are a member, and I have applied it today.']);
  table('blame', ['The Council does not accept liability for damage caused by contractors.', 'We accept no responsibility for items left in lockers.'], ['We accept full responsibility for the mix-up and have refunded you.']);
});

test('a batch of 10 whole replies (6/10 right before, 10/10 after): "report it to the police", "send the statements through the secure upload", "the course is now full", a condition of ours is no alternative', () => {
  table(
    'channel_redirect',
    ['If the card is missing, you may want to report it to your bank.', 'Please send the signed form through the upload page in your account.'],
    ["I've reported it to the courier myself and they'll call you by 5pm.", 'Please send me the photo here when you can.'],
  );
  table(
    'cant_focus',
    ['Sorry, the Saturday workshop is fully subscribed.', "We're unable to lower the fee. It must be paid before we can release the documents."],
    ['The Saturday workshop is full, so I have put you first on the list for the next one on 4 April.'],
  );
});

test('a batch of 8 whole replies (5/8 right before, 8/8 after): "which you can book on 0800 …", "update your details through your online account", "changes have to come from them", "has not arrived"', () => {
  table(
    'channel_redirect',
    [
      'A second visit is chargeable, which you can arrange on 0333 200 1000.',
      'You can change your address through your council tax account.',
      'Any amendments need to come from your employer.',
    ],
    ['You can change your address here by replying with the new one.', 'Any amendments need to come from us, so I have made them today.'],
  );
  assert.ok(has('Your case number is 881.', 'no_acknowledgement', 'The replacement part has not arrived yet and it has been ten days.'));
});

test('a look-alike sweep over the last shapes (14 neutral sentences: 5 flagged before, 1 left, "you can book on 020 …", kept as a number to call)', () => {
  for (const [text, kind] of [
    ['We only take a small deposit to hold the date, and the rest is due on the day.', 'cant_focus'],
    ['We only take a small deposit to hold the date, and the rest is due on the day.', 'blame'],
    ['The class is full of lovely people, you will enjoy it.', 'cant_focus'],
    ['The balance is still due on the 1st, as usual.', 'cant_focus'],
    ['You can update your preferences through your account settings at any time.', 'channel_redirect'],
  ] as const) assert.ok(!has(text, kind), `no ${kind} expected: ${text}`);
  assert.ok(has('We only accept returns of unopened items.', 'cant_focus'));
  assert.ok(has("That's a council tax matter, we just collect it for them.", 'blame'));
});

test('a batch of 10 whole replies (5/10 right before, 8/10 after): "a separate firm that sets its own times", one colleague\'s slip said as "our driver should have…", "claim directly from them", the timetable and the opening hours', () => {
  table(
    'blame',
    [
      'The cleaners are an independent company, so they set their own hours.',
      "I'm sorry. Our engineer should have tested the boiler before leaving, and I have booked him back for 8am.",
    ],
    ["It's not the state it should have arrived in, and I'm sorry.", 'Our team should have called you back, and I am sorry we did not.'],
  );
  assert.ok(has("You'll need to claim the refund directly from the airline.", 'channel_redirect'));
  assert.deepEqual(promises('Thanks for asking. Lessons will run as normal over half term.'), []);
  assert.deepEqual(promises('Thanks for asking. The main car park will be closed on Sunday.'), []);
});

test('commitment: what a thing does by itself promises only with a time ("update the key and it\'ll clear" vs "it will show on your statement within 3 days")', () => {
  assert.deepEqual(promises('Restart the router and it will reconnect.'), []);
  assert.deepEqual(promises("Clear your cache and it'll show the new price."), []);
  assert.equal(promises('I have refunded you and it will show on your statement within 3 days.').length, 1);
  assert.equal(promises('It will arrive tomorrow by noon.').length, 1);
});

test('a batch of 8 whole replies (5/8 right before, 7/8 after): "all customers received it", our own app\'s failure owned, "out of stock" stays bad news, not a refusal', () => {
  table(
    'blame',
    ['The change was in the renewal letter. All members were sent it in January.', 'You would have received a reminder on the 1st.'],
    ["You're right, our system should never have cancelled your booking, and I've reinstated it.", 'Good news: all members received the discount automatically.'],
  );
  assert.ok(has('The staff member on the till should not have told you that.', 'blame'));
  // Out of stock is bad news, not a refusal (guide-drafts k14): it stays out of cant_focus.
  assert.ok(!has('Sorry, the grey sofa is currently out of stock.', 'cant_focus'));
});

test('due times in long replies: a time after an appointment "confirmed for" a date takes that date; "the evening before" names no time of its own', () => {
  assert.deepEqual(promises('Your survey is booked for Friday 20 March, and our surveyor will arrive between 10 and 11am.'), [
    { phrase: 'our surveyor will arrive between 10 and 11am', due: '2026-03-20T11:00:00+00:00' },
  ]);
  assert.deepEqual(promises('Our driver will ring you the evening before to confirm.'), [{ phrase: 'Our driver will ring you the evening before to confirm', due: null }]);
  assert.deepEqual(promises("I'll call you the day before your flight."), [{ phrase: "I'll call you the day before your flight", due: null }]);
});
