import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTicket, testApp, type TestApp } from '../../../test/helpers.ts';

const unknownId = '00000000-0000-4000-8000-000000000001';

describe('macros: bad input', () => {
  let t: TestApp;
  let macroId: string;
  let ticketId: string;
  const count = async () => Number((await t.database.db.selectFrom('macros').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

  before(async () => {
    t = await testApp();
    const m = await t.call({ method: 'POST', url: '/api/v1/macros', payload: { name: 'Base', body: 'Hello' } });
    macroId = m.body.id;
    ticketId = (await createTicket(t)).id;
  });
  after(() => t.close());

  const creates: [string, unknown, string][] = [
    ['empty name', { name: '', body: 'x' }, 'name'],
    ['blank name', { name: '   ', body: 'x' }, 'name'],
    ['missing name', { body: 'x' }, 'name'],
    ['name of 121 characters', { name: 'n'.repeat(121), body: 'x' }, 'name'],
    ['name with a control character', { name: 'a\u0007b', body: 'x' }, 'name'],
    ['missing body', { name: 'No body' }, 'body'],
    ['body of 50,001 characters', { name: 'Huge', body: 'x'.repeat(50_001) }, 'body'],
    ['body with NUL', { name: 'Nul', body: 'a\u0000b' }, 'body'],
    ['body with a lone surrogate', { name: 'Surrogate', body: 'a\uD800b' }, 'body'],
    ['body not a string', { name: 'Num', body: 42 }, 'body'],
    ['unknown placeholder', { name: 'Ph', body: '{{ ticket.owner }}' }, 'body'],
    ['11 actions', { name: 'Many', body: 'x', actions: Array.from({ length: 11 }, (_, i) => ({ type: 'add_tag', tag: `t${i}` })) }, 'actions'],
    ['bad status', { name: 'Status', body: 'x', actions: [{ type: 'set_status', status: 'done' }] }, 'actions.0.status'],
    ['unknown action type', { name: 'Type', body: 'x', actions: [{ type: 'assign', agentId: unknownId }] }, 'actions.0'],
    ['action with extra field', { name: 'Extra', body: 'x', actions: [{ type: 'add_tag', tag: 'a', status: 'open' }] }, 'actions.0'],
    ['tag with spaces', { name: 'Tag', body: 'x', actions: [{ type: 'add_tag', tag: 'two words' }] }, 'actions.0.tag'],
    ['tag with HTML', { name: 'Tag2', body: 'x', actions: [{ type: 'remove_tag', tag: '<script>' }] }, 'actions.0.tag'],
    ['actions not an array', { name: 'Arr', body: 'x', actions: 'add_tag' }, 'actions'],
    ['macro tags invalid', { name: 'Tags', body: 'x', tags: ['ok', 'not ok'] }, 'tags'],
    ['active not a boolean', { name: 'Act', body: 'x', active: 'yes' }, 'active'],
    ['unknown field', { name: 'Unk', body: 'x', usageCount: 5 }, ''],
  ];
  for (const [title, payload, field] of creates) {
    it(`create refuses ${title}`, async () => {
      const before = await count();
      const res = await t.call({ method: 'POST', url: '/api/v1/macros', payload: payload as Record<string, unknown> });
      assert.equal(res.status, 400, JSON.stringify(res.body));
      assert.equal(res.body.error.code, 'validation_failed');
      if (field) assert.ok(res.body.error.message.startsWith(`${field}`), `${res.body.error.message} names ${field}`);
      assert.equal(await count(), before, 'nothing written');
    });
  }

  it('refuses a body that is not JSON', async () => {
    const res = await t.call({ method: 'POST', url: '/api/v1/macros', payload: '{"name": ', headers: { 'content-type': 'application/json' } });
    assert.equal(res.status, 400);
    assert.ok(res.body.error.code);
  });

  it('keeps HTML and script in names and bodies as text', async () => {
    const name = '<img src=x onerror=alert(1)>';
    const body = '<script>alert("{{customer.name}}")</script>';
    const res = await t.call({ method: 'POST', url: '/api/v1/macros', payload: { name, body } });
    assert.equal(res.status, 201);
    assert.equal(res.body.name, name);
    assert.equal(res.body.body, body);
    assert.match(String(res.headers['content-type']), /application\/json/);
    const r = await t.call({ method: 'POST', url: `/api/v1/macros/${res.body.id}/render`, payload: { ticketId } });
    assert.equal(r.body.body, '<script>alert("there")</script>');
  });

  it('refuses a bad patch and changes nothing', async () => {
    for (const [payload, field] of [
      [{ name: '' }, 'name'],
      [{ body: 'y'.repeat(50_001) }, 'body'],
      [{ actions: [{ type: 'set_status', status: 'nope' }] }, 'actions.0.status'],
      [{ id: unknownId }, ''],
    ] as const) {
      const res = await t.call({ method: 'PATCH', url: `/api/v1/macros/${macroId}`, payload });
      assert.equal(res.status, 400, JSON.stringify(payload));
      if (field) assert.ok(res.body.error.message.startsWith(field), res.body.error.message);
    }
    const m = await t.call({ method: 'GET', url: `/api/v1/macros/${macroId}` });
    assert.deepEqual({ name: m.body.name, body: m.body.body, actions: m.body.actions }, { name: 'Base', body: 'Hello', actions: [] });
  });

  it('answers 400 for ids that are not UUIDs', async () => {
    for (const [method, url, payload] of [
      ['GET', '/api/v1/macros/abc', undefined],
      ['PATCH', '/api/v1/macros/abc', { name: 'x' }],
      ['DELETE', '/api/v1/macros/1', undefined],
      ['POST', '/api/v1/macros/abc/render', { ticketId }],
      ['POST', `/api/v1/macros/${macroId}/render`, { ticketId: 'nope' }],
      ['POST', `/api/v1/macros/${macroId}/render`, {}],
      ['POST', `/api/v1/tickets/nope/macros/${macroId}/apply`, undefined],
      ['POST', `/api/v1/tickets/${ticketId}/macros/nope/apply`, undefined],
    ] as const) {
      const res = await t.call({ method, url, payload });
      assert.equal(res.status, 400, `${method} ${url}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.error.code, 'validation_failed');
    }
  });

  it('answers 404 for unknown ids, naming what was not found', async () => {
    for (const [method, url, payload, what] of [
      ['GET', `/api/v1/macros/${unknownId}`, undefined, 'macro'],
      ['PATCH', `/api/v1/macros/${unknownId}`, { name: 'x' }, 'macro'],
      ['DELETE', `/api/v1/macros/${unknownId}`, undefined, 'macro'],
      ['POST', `/api/v1/macros/${unknownId}/render`, { ticketId }, 'macro'],
      ['POST', `/api/v1/macros/${macroId}/render`, { ticketId: unknownId }, 'ticket'],
      ['POST', `/api/v1/tickets/${unknownId}/macros/${macroId}/apply`, undefined, 'ticket'],
      ['POST', `/api/v1/tickets/${ticketId}/macros/${unknownId}/apply`, undefined, 'macro'],
    ] as const) {
      const res = await t.call({ method, url, payload });
      assert.equal(res.status, 404, `${method} ${url}`);
      assert.equal(res.body.error.code, 'not_found');
      assert.match(res.body.error.message, new RegExp(`^${what} `));
    }
    assert.equal((await t.call({ method: 'GET', url: `/api/v1/macros/${macroId}` })).body.usageCount, 0);
  });

  it('uses another record\'s id where a macro is expected as unknown', async () => {
    const res = await t.call({ method: 'GET', url: `/api/v1/macros/${ticketId}` });
    assert.equal(res.status, 404);
    const apply = await t.call({ method: 'POST', url: `/api/v1/tickets/${macroId}/macros/${ticketId}/apply` });
    assert.equal(apply.status, 404);
  });

  it('refuses bad list queries', async () => {
    for (const q of ['limit=0', 'limit=101', 'limit=x', 'active=maybe', `q=${'q'.repeat(201)}`, 'cursor=%00', `cursor=${'a'.repeat(501)}`]) {
      const res = await t.call({ method: 'GET', url: `/api/v1/macros?${q}` });
      assert.equal(res.status, 400, q);
      assert.equal(res.body.error.code, 'validation_failed');
    }
  });

  it('refuses to apply tags beyond the limit of a ticket and changes nothing', async () => {
    const tags = Array.from({ length: 30 }, (_, i) => `tag${i}`);
    const full = await createTicket(t, { tags });
    const m = await t.call({ method: 'POST', url: '/api/v1/macros', payload: { name: 'One more tag', body: 'x', actions: [{ type: 'add_tag', tag: 'extra' }] } });
    const res = await t.call({ method: 'POST', url: `/api/v1/tickets/${full.id}/macros/${m.body.id}/apply` });
    assert.equal(res.status, 422);
    assert.match(res.body.error.message, /^tags/);
    const stored = await t.database.db.selectFrom('tickets').select('tags').where('id', '=', full.id).executeTakeFirstOrThrow();
    assert.deepEqual(stored.tags, tags);
  });
});
