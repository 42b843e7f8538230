import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testApp, type TestApp } from './helpers.ts';

describe('OpenAPI document', () => {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(() => t.close());

  it('is public, OpenAPI 3, and describes every route of the contract with its schemas', async () => {
    const res = await t.call({ method: 'GET', url: '/api/v1/openapi.json', as: null });
    assert.equal(res.status, 200);
    assert.match(res.body.openapi, /^3\./);
    const contract: [string, string][] = [
      ['post', '/api/v1/auth/login'],
      ['post', '/api/v1/auth/logout'],
      ['post', '/api/v1/tokens'],
      ['post', '/api/v1/customers'],
      ['get', '/api/v1/customers'],
      ['get', '/api/v1/customers/{id}'],
      ['patch', '/api/v1/customers/{id}'],
      ['post', '/api/v1/organizations'],
      ['get', '/api/v1/organizations/{id}'],
      ['post', '/api/v1/tickets'],
      ['get', '/api/v1/tickets'],
      ['get', '/api/v1/tickets/{id}'],
      ['patch', '/api/v1/tickets/{id}'],
      ['post', '/api/v1/tickets/{id}/messages'],
      ['post', '/api/v1/tickets/{id}/handoff'],
      ['post', '/api/v1/tickets/{id}/handoff/accept'],
      ['post', '/api/v1/tickets/{id}/handoff/decline'],
      ['get', '/api/v1/search'],
      ['post', '/api/v1/agents'],
      ['patch', '/api/v1/agents/{id}'],
      ['delete', '/api/v1/agents/{id}'],
      ['post', '/api/v1/teams'],
      ['patch', '/api/v1/teams/{id}'],
      ['delete', '/api/v1/teams/{id}'],
    ];
    for (const [method, path] of contract) {
      const op = res.body.paths?.[path]?.[method];
      assert.ok(op, `${method.toUpperCase()} ${path} is documented`);
      assert.ok(op.responses, `${method} ${path} has responses`);
    }
    const create = res.body.paths['/api/v1/tickets'].post;
    const body = create.requestBody.content['application/json'].schema;
    assert.deepEqual([...body.required].sort(), ['body', 'requester', 'subject']);
    assert.ok(create.responses['201'], 'ticket create documents its 201');
    const list = res.body.paths['/api/v1/tickets'].get.parameters.map((p: { name: string }) => p.name);
    for (const p of ['status', 'ownerId', 'teamId', 'tag', 'priority', 'requesterId', 'sort', 'cursor', 'limit']) assert.ok(list.includes(p), p);
  });
});
