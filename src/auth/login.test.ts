import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testApp, type TestApp } from '../../test/helpers.ts';

describe('sign-in', () => {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(() => t.close());

  it('limits password guessing for one address to 10 attempts a minute, without locking out other addresses', async () => {
    const a = await t.agent();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await t.call({ method: 'POST', url: '/api/v1/auth/login', as: null, payload: { email: a.email, password: `wrong-${i}` } });
      statuses.push(r.status);
      if (r.status === 429) assert.equal(r.body.error.code, 'rate_limited');
    }
    assert.deepEqual(statuses, [...Array(10).fill(401), 429, 429]);
    const other = await t.agent();
    const ok = await t.call({ method: 'POST', url: '/api/v1/auth/login', as: null, payload: { email: other.email, password: 'correct horse battery' } });
    assert.equal(ok.status, 200);
    assert.match(ok.body.token, /^heed_s_/);
    const me = await t.call({ method: 'GET', url: '/api/v1/agents/me', as: { ...other, token: ok.body.token } });
    assert.equal(me.body.id, other.agentId);
  });
});
