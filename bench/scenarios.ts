import type { Request } from 'autocannon';
import type { Sentence, SearchQuery } from './corpus.ts';
import { sleep } from './server.ts';

const priorities = ['low', 'normal', 'normal', 'normal', 'high', 'urgent'];
const channels = ['email', 'email', 'email', 'web', 'chat', 'api'];

/**
 * POST /api/v1/tickets with varied requesters: every other request writes from an existing customer's email
 * (the requester is found), the others from a new address (a customer and identity are created too).
 */
export function createTicketRequest(sentences: Sentence[], existingEmails: string[], teamIds: string[]): Request {
  let n = 0;
  const run = Date.now().toString(36);
  return {
    method: 'POST',
    path: '/api/v1/tickets',
    setupRequest: (req) => {
      const i = n++;
      const s = sentences[(i * 7919) % sentences.length]!;
      const s2 = sentences[(i * 104729 + 13) % sentences.length]!;
      const known = i % 2 === 0 && existingEmails.length > 0;
      const email = known ? existingEmails[(i / 2) % existingEmails.length]! : `new.customer.${run}.${i}@example.net`;
      const body = {
        subject: s.text.slice(0, 200),
        body: `Hello,\n\n${s.text} ${s2.text}\n\nThanks`,
        requester: known ? { email } : { email, name: `New Customer ${i}` },
        channel: channels[i % channels.length],
        priority: priorities[i % priorities.length],
        tags: [s.topic],
        ...(teamIds.length ? { teamId: teamIds[i % teamIds.length] } : {}),
      };
      return { ...req, body: JSON.stringify(body) };
    },
  };
}

export const queuePath = (teamId: string) => `/api/v1/tickets?teamId=${teamId}&status=open&sort=priority&limit=50`;

/** The team queue page, rotating over the teams. */
export function queueRequest(teamIds: string[]): Request {
  let n = 0;
  return { method: 'GET', path: queuePath(teamIds[0]!), setupRequest: (req) => ({ ...req, path: queuePath(teamIds[n++ % teamIds.length]!) }) };
}

export const searchPath = (q: string) => `/api/v1/search?q=${encodeURIComponent(q)}`;

/** Full-text search, rotating over the query mix. */
export function searchRequest(queries: SearchQuery[]): Request {
  let n = 0;
  return { method: 'GET', path: searchPath(queries[0]!.q), setupRequest: (req) => ({ ...req, path: searchPath(queries[n++ % queries.length]!.q) }) };
}

export type Probe = { path: string; status: number; items: number | null; ms: number[]; medianMs: number; body?: string };

/** Sends one GET several times in a row (no concurrency) and reports the status, item count and timings. */
export async function probe(url: string, token: string, path: string, times: number): Promise<Probe> {
  const ms: number[] = [];
  let status = 0;
  let items: number | null = null;
  let body: string | undefined;
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    const res = await fetch(url + path, { headers: { authorization: `Bearer ${token}` } });
    const text = await res.text();
    ms.push(performance.now() - t0);
    status = res.status;
    if (res.ok) items = (JSON.parse(text) as { items?: unknown[] }).items?.length ?? null;
    else body = text.slice(0, 300);
    await sleep(1);
  }
  const sorted = [...ms].sort((a, b) => a - b);
  return { path, status, items, ms: ms.map((x) => Math.round(x * 10) / 10), medianMs: sorted[Math.floor(sorted.length / 2)]!, ...(body ? { body } : {}) };
}

/** One POST to check the create request before loading it. */
export async function probeCreate(url: string, token: string, request: Request): Promise<{ status: number; body: string }> {
  const built = request.setupRequest!({ ...request }, {})!;
  const res = await fetch(url + built.path, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: built.body,
  });
  return { status: res.status, body: (await res.text()).slice(0, 300) };
}
