import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { modelText, train, trainRanker } from '../../../scripts/train-knowledge-model.ts';
import { trainingSets } from '../../../scripts/knowledge-sets.ts';
import { ArticleIndex } from './articles.ts';
import { cosine, decodeVectors, encodeVectors, wordVectors } from './embeddings.ts';
import { FEATURES, lead, RANKER_FILE, rankerModel } from './rerank.ts';

const airline = [
  { id: 'pets', title: 'Travelling with pets', body: 'Small dogs and cats can fly in the cabin in an approved carrier. Larger animals travel in the hold. Book the pet place when you book your flight.', tags: ['animals'], category: null },
  { id: 'bags', title: 'Baggage allowance', body: 'Each ticket includes one cabin bag. Checked bags can be added when you book or later in Manage booking, up to 23 kg each.', tags: ['luggage'], category: null },
  { id: 'seats', title: 'Choose your seat', body: 'Pick a seat when you book or in Manage booking. Extra legroom seats cost more. Families are seated together free of charge.', tags: ['seating'], category: null },
  { id: 'meals', title: 'Food and drink on board', body: 'Snacks, hot meals and drinks can be bought on board. Pre-order a hot meal up to 24 hours before the flight.', tags: ['catering'], category: null },
];

describe('word vectors', () => {
  it('ship with Heed and place words of like meaning together', () => {
    const wv = wordVectors();
    assert.ok(wv, 'src/knowledge/model/word-vectors.bin is missing');
    const id = (w: string) => wv.index.get(w)!;
    assert.ok(cosine(wv, id('suitcase'), id('luggage')) > cosine(wv, id('suitcase'), id('invoice')));
    assert.ok(cosine(wv, id('sofa'), id('couch')) > 0.6);
    assert.equal(Math.round(cosine(wv, id('refund'), id('refund')) * 100), 100);
  });

  it('survive encoding and decoding (unit length, one byte a dimension)', () => {
    const wv = decodeVectors(encodeVectors(['up', 'down'], [[3, 4], [0, -2]]));
    assert.deepEqual([...wv.data], [76, 102, 0, -127]);
    assert.equal(wv.index.get('down'), 1);
  });
});

describe('the article ranker', () => {
  const index = new ArticleIndex(airline);

  it('finds the article an inquiry means when it shares no telling word with it, where words alone miss', () => {
    for (const [text, want] of [['how heavy can my suitcase be', 'bags'], ['i am starving, can i buy a sandwich during the trip', 'meals']] as const) {
      assert.notEqual(index.match(text)[0]?.id, want, `words alone already find ${want}: the case tests nothing`);
      assert.equal(index.rank(text).matches[0]?.id, want);
    }
  });

  it('scores as probabilities, best first, and is not confident about a question no article answers', () => {
    const r = index.rank('do you sponsor football teams');
    assert.equal(r.confident, false);
    const scores = r.matches.map((m) => m.score);
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
    assert.ok(Math.abs(scores.reduce((a, b) => a + b, 0) - 1) < 1e-9);
  });

  it('reads the lead of the best score over the next', () => {
    assert.equal(lead([1, 5, 2]), 3);
    assert.equal(lead([4]), 0);
  });

  it('is the model scripts/train-knowledge-model.ts trains from src/knowledge/train, for the features the code computes', () => {
    assert.deepEqual(rankerModel()!.features, FEATURES);
    const { model } = trainRanker(trainingSets());
    assert.equal(fs.readFileSync(RANKER_FILE, 'utf8'), modelText(model), 'run: node --import tsx scripts/train-knowledge-model.ts');
  });

  it('learns to prefer the feature that tells the right candidate', () => {
    const f = (a: number, b: number) => Float64Array.from(FEATURES.map((_, i) => (i === 4 ? a : i === 5 ? b : 0)));
    const examples = Array.from({ length: 40 }, (_, i) => ({ feats: [f(1, i % 2), f(0, (i + 1) % 2)], right: 0 }));
    const w = train(examples);
    assert.ok(w[4]! > 0.5 && Math.abs(w[5]!) < 0.1, `weights ${w[4]}, ${w[5]}`);
    assert.deepEqual(train(examples), w);
  });
});
