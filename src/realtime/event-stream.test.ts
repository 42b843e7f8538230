import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { openEventStream } from './event-stream.ts';
import type { Hub } from './hub.ts';

/** A response and request as openEventStream uses them, recording what is written. */
function fakeStream() {
  const res = {
    destroyed: false,
    writableEnded: false,
    writableLength: 0,
    written: [] as string[],
    on() {},
    writeHead() {},
    write(chunk: string) {
      this.written.push(chunk);
      return true;
    },
    end() {
      this.writableEnded = true;
    },
  };
  const reply = { getHeaders: () => ({}), hijack() {}, raw: res } as unknown as FastifyReply;
  const req = { raw: { on() {} }, log: { error() {} } } as unknown as FastifyRequest;
  return { res, reply, req };
}

const timeouts = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

describe('event stream timers', () => {
  it('arms no timer for a client that left while the stream was opening', async () => {
    const { res, reply, req } = fakeStream();
    let unsubscribed = false;
    const hub = { subscribe: async () => ((res.destroyed = true), () => void (unsubscribed = true)) } as unknown as Hub;
    const before = timeouts();
    await openEventStream({ req, reply, hub, ready: { type: 'ready' }, translate: () => [], stillThere: async () => true, maxSeconds: 3600, maxBufferedBytes: 1 << 20, name: 'test' });
    assert.equal(timeouts(), before, 'a timer was left behind for a closed stream');
    assert.equal(unsubscribed, true);
    assert.equal(res.writableEnded, true);
  });

  it('lets an open stream hold the process through its response, not through its timers', async () => {
    const { res, reply, req } = fakeStream();
    let deliver: (d: unknown) => void = () => {};
    const hub = { subscribe: async (fn: (d: unknown) => void) => ((deliver = fn), () => {}) } as unknown as Hub;
    const before = timeouts();
    await openEventStream({ req, reply, hub, ready: { type: 'ready' }, translate: () => 'close', stillThere: async () => true, maxSeconds: 3600, maxBufferedBytes: 1 << 20, name: 'test' });
    assert.match(res.written.join(''), /"type":"ready"/);
    assert.equal(res.writableEnded, false);
    assert.equal(timeouts(), before);
    deliver({});
    assert.equal(res.writableEnded, true);
  });
});
