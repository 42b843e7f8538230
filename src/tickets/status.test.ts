import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TicketStatus } from '../db/types.ts';
import { HeedError } from '../http/errors.ts';
import { allowedMoves, transition, type StatusCause } from './status.ts';

const all: TicketStatus[] = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'];

describe('transition', () => {
  const setCases: [TicketStatus, TicketStatus, 'ok' | 'refused'][] = [
    ['new', 'open', 'ok'],
    ['new', 'solved', 'ok'],
    ['new', 'closed', 'refused'],
    ['open', 'pending', 'ok'],
    ['open', 'on_hold', 'ok'],
    ['open', 'new', 'refused'],
    ['open', 'closed', 'refused'],
    ['pending', 'open', 'ok'],
    ['on_hold', 'pending', 'ok'],
    ['solved', 'open', 'ok'],
    ['solved', 'closed', 'ok'],
    ['solved', 'pending', 'refused'],
    ['closed', 'open', 'refused'],
    ['closed', 'solved', 'refused'],
  ];
  for (const [from, to, expected] of setCases) {
    it(`${from} → ${to} is ${expected}`, () => {
      if (expected === 'ok') {
        assert.deepEqual(transition(from, { kind: 'set', to }), { outcome: 'changed', from, status: to });
      } else {
        assert.throws(() => transition(from, { kind: 'set', to }), (e: unknown) => {
          assert.ok(e instanceof HeedError);
          assert.equal(e.status, 422);
          return true;
        });
      }
    });
  }

  it('agrees with the table of allowed moves for every pair', () => {
    for (const from of all) {
      for (const to of all) {
        if (from === to) continue;
        let ok = true;
        try {
          transition(from, { kind: 'set', to });
        } catch {
          ok = false;
        }
        assert.equal(ok, allowedMoves[from].includes(to), `${from} → ${to}`);
      }
    }
  });

  const causeCases: [TicketStatus, StatusCause, string][] = [
    ['new', { kind: 'customer_message' }, 'new'],
    ['open', { kind: 'customer_message' }, 'open'],
    ['pending', { kind: 'customer_message' }, 'open'],
    ['on_hold', { kind: 'customer_message' }, 'open'],
    ['solved', { kind: 'customer_message' }, 'open'],
    ['closed', { kind: 'customer_message' }, 'follow_up'],
    ['new', { kind: 'agent_reply' }, 'open'],
    ['pending', { kind: 'agent_reply' }, 'pending'],
    ['open', { kind: 'agent_reply', to: 'solved' }, 'solved'],
    ['new', { kind: 'agent_note' }, 'new'],
    ['open', { kind: 'agent_note', to: 'on_hold' }, 'on_hold'],
  ];
  for (const [from, cause, expected] of causeCases) {
    it(`${cause.kind}${'to' in cause && cause.to ? `→${cause.to}` : ''} on ${from} gives ${expected}`, () => {
      const d = transition(from, cause);
      assert.equal(d.outcome === 'follow_up' ? 'follow_up' : d.status, expected);
    });
  }

  it('refuses an agent reply on a closed ticket', () => {
    assert.throws(() => transition('closed', { kind: 'agent_reply' }), /closed/);
  });
});
