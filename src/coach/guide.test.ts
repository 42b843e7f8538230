// Drafts written for these tests from the guide alone (not taken from the evaluation set), one per row:
// the kinds the coach must report, and no others.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { coachDraft } from './coach.ts';
import { parseLabelled, score } from './evaluate.ts';

type Row = { text: string; context?: string; kinds: string[] };
const options = { now: new Date('2026-04-15T10:00:00Z'), timeZone: 'Europe/London' };

const rows: Row[] = [
  // cant_focus
  { text: "Hi Tom,\n\nI'm afraid we're not able to extend the warranty beyond two years. That is the manufacturer's standard term.\n\nThanks, Jo", kinds: ['cant_focus'] },
  { text: 'Hello,\n\nUnfortunately it is not possible to split a booking into two payments, and we do not accept cheques.\n\nRegards', kinds: ['cant_focus'] },
  { text: "Hi Ana,\n\nSorry, we can't hold items for more than 24 hours.\n\nBest, Lee", kinds: ['cant_focus'] },
  { text: "Hi Ana,\n\nWe can't hold the jacket past Friday, but I've set it aside until then and I can post it to you free if that's easier.\n\nBest, Lee", kinds: [] },
  { text: "Hi Ben,\n\nThe gym can't reopen the pool until the repairs finish. In the meantime, your membership gives you free entry to our Riverside site, which has a 25m pool.\n\nCheers", kinds: [] },
  { text: "Hi!\n\nHonestly, there's no hill this bike can't climb, and I can't wait to hear how the first ride goes.\n\nSam", kinds: [] },
  // blame
  { text: "Hi Priya,\n\nThe courier left it at the wrong door, that one's on them, not us. We can send a replacement today.\n\nThanks", kinds: ['blame'] },
  { text: "Hello,\n\nYour card was charged twice because you pressed the pay button two times. Please wait for the duplicate to drop off.\n\nRegards", kinds: ['blame', 'no_acknowledgement'] },
  { text: "Hi Mo,\n\nIt was the night shift who forgot to log your call, it's not a support issue.\n\nThanks", kinds: ['blame'] },
  { text: "Hi Kate,\n\nOur accounts team is always behind on these, so the delay is down to them. I'm sorry it's dragged on.\n\nBest", context: 'Still no refund after three weeks!', kinds: ['blame'] },
  { text: "Hi Kate,\n\nI'm sorry your order was late. A snowstorm closed the motorway on Tuesday, and the van couldn't get through until Wednesday. It's with you tomorrow.\n\nBest", context: 'My order is late!!', kinds: ['commitment'] },
  { text: "Hi Sue,\n\nReplacement cards are issued by our card centre, and I've asked them to send yours today. It will arrive within 3 business days.\n\nRegards", kinds: ['commitment'] },
  // channel_redirect
  { text: "Hi Jack,\n\nFor anything about your pension you'll need to phone the pensions line on 0345 111 2222.\n\nThanks", kinds: ['channel_redirect'] },
  { text: 'Hello,\n\nPlease submit a new request through the online portal, as this inbox only handles orders.\n\nThanks', kinds: ['channel_redirect'] },
  { text: 'Hi Liz,\n\nRefunds for marketplace sellers are handled by the seller. Please get in touch with them using the message button on the order page.\n\nThanks', kinds: ['channel_redirect'] },
  { text: "Hi Liz,\n\nI've sent your order number, the photos and your note to the seller, and they'll reply to you by 5pm tomorrow with a returns label.\n\nThanks", kinds: ['commitment'] },
  { text: "Hi Liz,\n\nYour new router is on its way. If anything else comes up, just reply to this email.\n\nThanks", kinds: [] },
  // no_acknowledgement
  { text: 'Hi Rob,\n\nYour refund of £40 has been processed.\n\nRegards', context: "I've been waiting a MONTH for this refund. Absolutely useless service.", kinds: ['no_acknowledgement'] },
  { text: "Hi Rob,\n\nI'm really sorry it took a month, that's far too long. Your refund of £40 has been processed.\n\nRegards", context: "I've been waiting a MONTH for this refund. Absolutely useless service.", kinds: [] },
  { text: 'Hi Rob,\n\nYes, the shop opens at 9 on Saturdays.\n\nRegards', context: 'What time do you open on Saturday?', kinds: [] },
  { text: 'Hi Rob,\n\nI have recorded that your washing machine arrived with a dented door. A technician will assess it.\n\nRegards', context: 'The washing machine you delivered has a huge dent in the door.', kinds: ['no_acknowledgement', 'commitment'] },
  // commitments and their due times
  { text: "Hi Dee,\n\nThanks for the photos. I'll book the engineer this afternoon and confirm the slot by email.\n\nBest", kinds: ['commitment'] },
  { text: "Hi Dee,\n\nI can book an engineer for you if you'd like. Would Thursday suit?\n\nBest", kinds: [] },
  { text: 'Hi Dee,\n\nI booked the engineer yesterday and he visited this morning. Most repairs like this take about an hour.\n\nBest', kinds: [] },
];

test('the guide, row by row', () => {
  const failures: string[] = [];
  for (const row of rows) {
    const r = coachDraft(row.text, { ...options, context: row.context ?? null });
    const got = [...new Set([...r.findings.map((f) => f.kind as string), ...(r.commitments.length ? ['commitment'] : [])])].sort();
    const want = [...row.kinds].sort();
    if (got.join() !== want.join()) failures.push(`${JSON.stringify(row.text.slice(0, 70))}: want [${want}] got [${got}]`);
  }
  assert.deepEqual(failures, []);
});

test('the coach\'s own labelled drafts (guide-drafts.jsonl, written from the guide): every kind, language and due time', () => {
  const drafts = parseLabelled(fs.readFileSync(new URL('./guide-drafts.jsonl', import.meta.url), 'utf8'), 'guide-drafts.jsonl');
  const report = score(drafts);
  assert.deepEqual(report.misses, []);
  assert.ok(report.due.total >= 15);
});
