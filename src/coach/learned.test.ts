import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { trainBlameModel, trainComplaintModel } from '../../scripts/train-coach-model.ts';
import { coachDraft } from './coach.ts';
import { blameProbability, COMPLAINT_MODEL_FILE, complaintProbability, COMPLAINT_THRESHOLD, MODEL_FILE, THRESHOLD } from './learned.ts';
import { complaintScore } from './rules/complaint.ts';
import { findBlame } from './rules/blame.ts';
import { prepare } from './text.ts';

const options = { now: new Date('2026-03-11T10:00:00Z'), timeZone: 'Europe/London', context: null };

test('the stored blame model is what the training script makes from the labelled drafts', () => {
  const { stored } = trainBlameModel(path.resolve(import.meta.dirname, '..', '..'));
  assert.equal(fs.readFileSync(MODEL_FILE, 'utf8'), `${JSON.stringify(stored)}\n`, 'run: node --import tsx scripts/train-coach-model.ts');
});

test('the model finds blame the patterns miss, on the sentence that carries it, and says which words weigh', () => {
  // Written for this test: the fault laid on another team in words no pattern lists.
  const text = 'Hello, the engineer followed the job sheet he was given by the office. If the wrong boiler was ordered, the sales team entered it.';
  const p = prepare(text);
  assert.equal(findBlame(p.sentences).length, 0, 'the patterns pass it');
  assert.ok(blameProbability(p.agent) >= THRESHOLD);
  const found = coachDraft(text, options).findings.filter((f) => f.kind === 'blame');
  assert.equal(found.length, 1);
  assert.ok(found[0]!.excerpt.length > 0 && text.includes(found[0]!.excerpt));
  assert.match(found[0]!.message, /weigh most/);
});

test('the model stays quiet on replies that own the problem or just inform', () => {
  for (const text of [
    "Hi Sam, I've refunded the delivery fee and booked a new slot for Tuesday morning.",
    'Thanks for your email. Your new card is on its way and should arrive by Friday.',
    'Sorry, we sent the wrong size. A replacement is on its way today and the return label is attached.',
  ]) {
    assert.ok(blameProbability(prepare(text).agent) < THRESHOLD, text);
    assert.ok(!coachDraft(text, options).findings.some((f) => f.kind === 'blame'), text);
  }
});

test('the stored complaint model is what the training script makes from the labelled messages and drafts', () => {
  const { stored } = trainComplaintModel(path.resolve(import.meta.dirname, '..', '..'));
  assert.equal(fs.readFileSync(COMPLAINT_MODEL_FILE, 'utf8'), `${JSON.stringify(stored)}\n`, 'run: node --import tsx scripts/train-coach-model.ts');
});

test('the complaint model hears calm complaints the lexicon misses, and only where the customer told something', () => {
  // Written for this test: a failure told flatly, in words the complaint lexicon does not list.
  const calm = 'Hello, the sofa came this morning and one of the legs is a different colour from the other three.';
  const reply = 'The legs are fitted at our workshop in Leeds. Our team will be in touch about the next steps.';
  assert.ok(complaintScore(calm) < 1, 'the lexicon passes it');
  assert.ok(complaintProbability(calm) >= COMPLAINT_THRESHOLD);
  assert.ok(coachDraft(reply, { ...options, context: calm }).findings.some((f) => f.kind === 'no_acknowledgement'));
  for (const context of [
    'Your staff were wonderful!',
    'Please call me.',
    'I was wondering why the store closes early on Sundays, is it the same every week?',
    'Could you tell me whether the sofa legs come in oak as well as walnut, please?',
  ]) {
    assert.equal(complaintProbability(context), 0, `the model leaves it to the lexicon: ${context}`);
  }
});
