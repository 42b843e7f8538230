import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ArticleIndex } from './articles.ts';
import { predict, trainSync, load, store } from './classifier.ts';
import { confidence } from './confidence.ts';
import { groupInquiries, vMeasure } from './grouping.ts';
import { Speller, oneEdit } from './spelling.ts';
import { conceptsOf, terms, words } from './text.ts';
import { weigh } from './vectors.ts';

describe('text to terms', () => {
  it('opens contractions, drops stop words, stems, maps irregular forms', () => {
    assert.deepEqual(words("I can't log in, it BROKE"), ['can', 'not', 'log', 'break']);
    assert.deepEqual(words('Café délivrée'), ['cafe', 'delivre']);
  });

  const table: [string, string[]][] = [
    ['my couch came busted', ['#damage']],
    ["the thing won't turn on", ['#faulty']],
    ['i cant sign in', ['#login']],
    ['where is my stuff??', ['#track']],
    ['bookcase arrived without any shelves', ['#missing']],
    ['how do I send the sofa back', ['#return']],
    ['I want my money back', ['#refund']],
    ['There is nothing here about lamps', []],
    ['how do I link my bank', ['#connect']],
    ['give my accountant read only access', ['#permission', '#people']],
    ['the payment shows up twice', ['#duplicate']],
    ['how long does it take to hit my account', ['#timing']],
    ['is there an iphone app', ['#app']],
    ['let us know', []],
  ];
  for (const [text, expected] of table) {
    it(`"${text}" names ${expected.join(', ') || 'no concept'}`, () => {
      const got = new Set(conceptsOf(text));
      for (const c of expected) assert.ok(got.has(c), `${c} in ${[...got].join(', ')}`);
      if (expected.length === 0) assert.equal(got.size, 0, [...got].join(', '));
    });
  }

  it('counts unigrams, bigrams and concepts', () => {
    const t = terms('refund refund please');
    assert.equal(t.get('refund'), 2);
    assert.equal(t.get('refund_refund'), 1);
    assert.equal(t.get('#refund'), 2);
  });
});

describe('matching articles', () => {
  const index = new ArticleIndex([
    { id: 'damage', title: 'Damaged item on arrival', body: 'If something arrived damaged, report it within 7 days with photos.', tags: ['damage'], category: 'Orders' },
    { id: 'password', title: 'Reset your password', body: 'Use the reset link on the sign-in page.', tags: ['login'], category: 'Account' },
    { id: 'returns', title: 'Return an item', body: 'Return most items within 30 days for a refund.', tags: ['returns'], category: 'Returns' },
  ]);

  it('finds the article for an inquiry in other words than the article', () => {
    assert.equal(index.match('my couch came busted')[0]!.id, 'damage');
    assert.equal(index.match("i can't get into my account, forgot it")[0]!.id, 'password');
    assert.equal(index.match('how do i send it back')[0]!.id, 'returns');
  });

  it('is confident only with a clear lead, and never without a match', () => {
    assert.equal(confidence(index.match('my couch came busted, the leg is cracked')), true);
    assert.equal(confidence(index.match('do you sponsor football teams')), false);
    assert.equal(confidence([]), false);
  });
});

describe('typo repair', () => {
  const speller = new Speller(['Reset your password from the sign-in page', 'Export your invoices as a spreadsheet', 'Bedding and wedding lists']);

  it('takes swapped, dropped and doubled letters, not changed or extra ones', () => {
    assert.equal(oneEdit('exprot', 'export'), true);
    assert.equal(oneEdit('pasword', 'password'), true);
    assert.equal(oneEdit('invoicces', 'invoices'), true);
    assert.equal(oneEdit('wedding', 'bedding'), false);
    assert.equal(oneEdit('sees', 'seems'), true);
    assert.equal(oneEdit('seems', 'sees'), false);
    assert.equal(oneEdit('xport', 'export'), false);
  });

  it('repairs unknown words against the vocabulary and joins split words, leaving known and short words alone', () => {
    assert.equal(speller.correct('how do I exprot my invoicse'), 'how do i export my invoices');
    assert.equal(speller.correct('forgot my pass word'), 'forgot my password');
    assert.equal(speller.correct('the wedding list'), 'the wedding list');
    assert.equal(speller.correct('the shet'), 'the shet');
  });

  it('lets a misspelt inquiry find its article', () => {
    const index = new ArticleIndex([
      { id: 'export', title: 'Export your invoices', body: 'Download every invoice as a spreadsheet.', tags: [], category: null },
      { id: 'password', title: 'Reset your password', body: 'Use the reset link on the sign-in page.', tags: [], category: null },
    ]);
    assert.equal(index.match('exprot invoicse')[0]!.id, 'export');
    assert.equal(index.match('my pasword')[0]!.id, 'password');
  });
});

describe('the classifier', () => {
  const v = (text: string) => weigh(terms(text), () => 1);
  const examples = [
    ...['card not arrived', 'where is my card', 'card still not here', 'new card missing'].map((t) => ({ vector: v(t), label: 'card' })),
    ...['refund please', 'money back for my order', 'refund not received', 'want a refund'].map((t) => ({ vector: v(t), label: 'refund' })),
  ];

  it('learns which words say which label, and survives storing and loading', () => {
    const model = trainSync(examples);
    assert.equal(predict(model, v('my card has not come'))[0]!.label, 'card');
    assert.equal(predict(model, v('i want my money back'))[0]!.label, 'refund');
    const again = load(JSON.parse(JSON.stringify(store(model))));
    assert.deepEqual(predict(again, v('refund')).map((p) => p.label), predict(model, v('refund')).map((p) => p.label));
  });
});

describe('grouping and V-measure', () => {
  it('V-measure is 1 for a perfect grouping, lower for a merged one, and ignores the names', () => {
    assert.equal(vMeasure(['a', 'a', 'b', 'b'], ['x', 'x', 'y', 'y']).v, 1);
    assert.ok(vMeasure(['a', 'a', 'a', 'a'], ['x', 'x', 'y', 'y']).v < 0.01);
    const split = vMeasure(['a', 'b', 'c', 'd'], ['x', 'x', 'y', 'y']);
    assert.equal(split.homogeneity, 1);
    assert.ok(split.completeness < 1);
  });

  it('puts the same question together and different questions apart, choosing the number of groups itself', () => {
    const texts = ['my card has not arrived', 'card not arrived yet', 'still waiting for my card to arrive', 'refund not received', 'where is my refund', 'refund still not received'];
    const items = texts.map((t, i) => ({ id: String(i), vector: weigh(terms(t), () => 1) }));
    const groups = groupInquiries(items, null);
    const of = (i: number) => groups.findIndex((g) => g.members.includes(i));
    assert.equal(of(0), of(1));
    assert.equal(of(3), of(5));
    assert.notEqual(of(0), of(3));
  });
});
