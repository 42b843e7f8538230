// Round 6 (issue 5): classes of blame and of calmly told complaints that holdout3 (scored once untouched, then read as
// development data) showed the coach missing. Sentences written for this file, with look-alikes that must not fire.
import { test } from 'node:test';
import { complaintTable, table as probe } from './probe.ts';

const table = (positive: string[], negative: string[]) => probe('blame', positive, negative);

test('blame: a colleague or team with a bad habit, even when the agent then fixes it', () => {
  table(
    [
      "That'll be Tom on the tills, he keeps giving people the wrong change. I've refunded the difference.",
      'The warehouse keeps sending out the wrong colour, so here is a returns label.',
      "Sorry! The night porter has made a few check-in mistakes this week. I've moved you to room 12.",
      "The depot lost it again, they're always doing this.",
      'Our kitchen is always behind on Saturdays, so I cannot promise a table before 9.',
    ],
    [
      'We keep every receipt for seven years.',
      'I keep getting your voicemail, so I am writing instead.',
      'We made a few changes to the timetable this week, and your class is still on at 6.',
      'Our support team is always happy to help with setup.',
    ],
  );
});

test('blame: the work disowned, or the fault handed to a named party with nothing done', () => {
  table(
    [
      'The refund was not issued by our team, it comes from the marketplace.',
      "We're not the ones who cancelled the booking.",
      'Parking is run by CityPark, who are solely responsible for the barrier faults. Please email them.',
      'Your bank, which is responsible for the card block, will have to lift it.',
    ],
    [
      "I've passed your photos to Leah, who is responsible for claims, and she'll call you tomorrow.",
      'Who is responsible for the account on your side? I can add them as a contact.',
      'The refund was issued by our team this morning, so it should reach you within 5 working days.',
      'Nothing was sent by mistake: the letter went to every tenant in the block.',
    ],
  );
});

test("blame: the customer's omission named as the cause", () => {
  table(
    [
      'The courier came at 11:20 and you were not in, so the parcel went back.',
      'The fee applies because you did not give 48 hours notice.',
      "You didn't bring the booking reference, which is what caused the delay at the desk.",
    ],
    [
      'If you were not in when the courier called, just let me know and I will rebook.',
      "Sorry you were not home when we called; I've booked a new slot for Friday.",
      'No need to worry if you did not bring the receipt, I found the order on your account.',
    ],
  );
});

test('no_acknowledgement: complaints told calmly in the ticket (a service failing, a door refused, a lost evening)', () => {
  const reply = 'The refund policy is on our website.';
  const complaints = [
    'The payment page is failing for all our staff since this morning.',
    "The doorman wouldn't let us in even though we had tickets.",
    'The drilling next door kept us awake until midnight.',
    'Because of the cancellation we missed the whole ceremony.',
    'There was a slug in my salad.',
    "We've been given a room facing the car park instead of the sea view we paid for.",
    'You are still taking money from my account after I left.',
    "Why wasn't my prescription ready when I came in?",
    'Your van broke down and we lost a whole morning waiting.',
  ];
  const questions = [
    'Is the payment page working today? I want to pay my invoice.',
    'Could you let us in early on Saturday to set up?',
    'Can I book a room facing the sea for next month?',
    'What time does the ceremony start?',
    'I lost my card on holiday, can you send a new one?',
  ];
  complaintTable(reply, complaints, questions);
});
