import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { firstFreeSlug, randomSlug, slugFromTitle, slugMax, slugPattern } from './slug.ts';

describe('slugs', () => {
  it('derives lowercase ASCII words from titles', () => {
    const cases: [string, string][] = [
      ['Reset your password', 'reset-your-password'],
      ['  --Hello,   World!--  ', 'hello-world'],
      ['Crème brûlée', 'creme-brulee'],
      ['Straße & Æther Øresund Łódź', 'strasse-aether-oresund-lodz'],
      ['iPhone 15 Pro: 2× faster?', 'iphone-15-pro-2-faster'],
      ['Ｆｕｌｌｗｉｄｔｈ ＡＢＣ', 'fullwidth-abc'],
      ['Привет мир', ''],
      ['如何重置密码', ''],
      ['🎉🎉', ''],
      ['Mixed 中文 title', 'mixed-title'],
    ];
    for (const [title, slug] of cases) assert.equal(slugFromTitle(title), slug, title);
  });

  it('keeps long slugs short enough for a suffix, cut at a word', () => {
    const s = slugFromTitle('word '.repeat(100));
    assert.ok(s.length <= slugMax - 8);
    assert.match(s, slugPattern);
    assert.ok(s.endsWith('word'));
    const one = slugFromTitle('x'.repeat(300));
    assert.equal(one.length, slugMax - 8);
  });

  it('suffixes collisions with the first free number', () => {
    assert.equal(firstFreeSlug('a', new Set()), 'a');
    assert.equal(firstFreeSlug('a', new Set(['a'])), 'a-2');
    assert.equal(firstFreeSlug('a', new Set(['a', 'a-2', 'a-3'])), 'a-4');
    assert.equal(firstFreeSlug('a', new Set(['a', 'a-3'])), 'a-2');
  });

  it('makes random slugs that fit the pattern', () => {
    const r = randomSlug();
    assert.match(r, /^article-[0-9a-f]{8}$/);
    assert.match(r, slugPattern);
  });
});
