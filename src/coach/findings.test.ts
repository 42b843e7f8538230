import assert from 'node:assert/strict';
import { test } from 'node:test';
import { coachDraft, type FindingKind } from './coach.ts';

const options = { now: new Date('2026-03-11T10:00:00Z'), timeZone: 'Europe/London' };
const kinds = (text: string, context: string | null = null) => coachDraft(text, { ...options, context }).findings.map((f) => f.kind);
const has = (text: string, kind: FindingKind, context: string | null = null) => kinds(text, context).includes(kind);

test('cant_focus: a refusal with nothing in its place', () => {
  for (const text of [
    "We can't refund a used item. Those are the rules.",
    'Unfortunately we are unable to change the delivery address once an order has shipped.',
    'It is not possible to cancel a subscription mid-term.',
    'Our policy does not permit returns after 30 days.',
    "There's no way to recover a deleted account.",
    "Sorry, we don't offer refunds on sale items.",
  ]) {
    assert.ok(has(text, 'cant_focus'), text);
  }
});

test('cant_focus: not when an alternative follows, nor for a "can\'t" that refuses nothing', () => {
  for (const text of [
    "We can't refund a used item, but I can exchange it today.",
    "We can't refund a used item. What I can do is give you store credit for the full amount.",
    "There's nothing your router can't handle.",
    "I can't wait to see your new store!",
    "I'm sorry you can't log in. I've reset your password, so please try again now.",
    "If you can't find the receipt, your bank statement is fine.",
  ]) {
    assert.ok(!has(text, 'cant_focus'), text);
  }
});

test('a refusal followed by "email X instead" is a channel redirect, not cant_focus', () => {
  const k = kinds("We can't change bookings over chat. Please email bookings@example.com instead.");
  assert.ok(k.includes('channel_redirect'));
  assert.ok(!k.includes('cant_focus'));
});

test('blame: a colleague, another team, a vendor, the system or the customer', () => {
  for (const text of [
    'Bob always tells people the wrong thing.',
    "That's billing's fault.",
    'You should have read the terms before ordering.',
    "Honestly, that's not my department.",
    'The courier messed up your delivery again.',
    'The system glitched and cancelled it, not us.',
    'You entered the wrong address at checkout.',
    'My colleague made a mistake on your invoice.',
  ]) {
    assert.ok(has(text, 'blame'), text);
  }
});

test('blame: neutral routing and outside causes are not blame', () => {
  for (const text of [
    "Gift vouchers are handled by our head office, and I've sent them your request.",
    'The delay was caused by the storm that closed the depot.',
    'The postal strike held up deliveries this week.',
    'That was our mistake, and I am sorry.',
    "I don't blame you for being annoyed.",
  ]) {
    assert.ok(!has(text, 'blame'), text);
  }
});

test('channel_redirect: sending the customer elsewhere to start again', () => {
  for (const text of [
    'Please call our billing team on 0800 123 456.',
    'You will need to email returns@example.com with your order number.',
    'Please open a new ticket for this.',
    'Please fill in the form on our website.',
    'You can visit the store and they will sort it out.',
    'Please call 0800 123 456 and quote account number 5567.',
    "I'd recommend contacting your bank directly.",
  ]) {
    assert.ok(has(text, 'channel_redirect'), text);
  }
});

test('channel_redirect: not when the agent carries the case, nor for a courtesy close', () => {
  for (const text of [
    "I've passed your order number and photos to billing, who will email you by 3pm.",
    'I have forwarded your photos to our returns team and they will contact you tomorrow.',
    "If you have any other questions, don't hesitate to contact us.",
    'Just reply to this email if anything else comes up.',
  ]) {
    assert.ok(!has(text, 'channel_redirect'), text);
  }
});

test('no_acknowledgement: an upset customer answered with business only', () => {
  const upset = 'This is the third time my order arrived broken. I am furious!';
  assert.ok(has('Your replacement has been dispatched and will arrive on Friday.', 'no_acknowledgement', upset));
  assert.ok(!has("I'm so sorry this happened again. Your replacement will arrive on Friday.", 'no_acknowledgement', upset));
  assert.ok(!has('I completely understand how frustrating this is. Your replacement will arrive on Friday.', 'no_acknowledgement', upset));
  // Restating or logging the complaint is not acknowledging it.
  assert.ok(has('I have logged your complaint about the broken order. A replacement ships Friday.', 'no_acknowledgement'));
  // A plain question gets a plain answer.
  assert.ok(!has('Your order ships on Friday.', 'no_acknowledgement', 'When will my order ship?'));
});

test('no_acknowledgement: the complaint may be quoted in the draft itself', () => {
  const draft = "Hi Ann,\n\nYour replacement ships on Friday.\n\nOn Tue, 3 Mar 2026, Ann wrote:\n> This is unacceptable, the item arrived damaged!!";
  assert.ok(has(draft, 'no_acknowledgement'));
});

test('quoted customer words never produce findings of their own', () => {
  const draft = "Thanks, I've sent the new part.\n\n> You can't even ship a box. Bob always tells people the wrong thing.\n> Call your manager on 0800 111 222!";
  const k = kinds(draft);
  assert.ok(!k.includes('cant_focus') && !k.includes('blame') && !k.includes('channel_redirect'), k.join());
});

test('each finding points at the exact words in the raw draft', () => {
  const text = '<p>Hello,</p><p>That&#39;s billing&rsquo;s fault, not mine.</p>';
  const r = coachDraft(text, options);
  const f = r.findings.find((x) => x.kind === 'blame');
  assert.ok(f);
  assert.equal(text.slice(f.start, f.end), f.excerpt);
  assert.match(f.excerpt, /^That&#39;s billing&rsquo;s fault/);
  assert.ok(f.message.length > 10 && f.suggestion.length > 10);
});
