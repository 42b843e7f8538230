import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { coachCommand } from './cli.ts';

async function run(args: string[], stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await coachCommand(args, { stdin: Readable.from([stdin]), out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const draft = "That's billing's fault, not mine. I'll call you tomorrow.";

test('TEXT argument, human-readable: findings with excerpt and suggestion, then commitments with due times', async () => {
  const r = await run([draft, '--now', '2026-03-11T10:00:00Z', '--tz', 'Europe/London']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /blame: "That's billing's fault, not mine\."/);
  assert.match(r.out, /Try: Own it for the company/);
  assert.match(r.out, /"I'll call you tomorrow": call the customer, due 2026-03-12T17:00:00\+00:00/);
});

test('reads stdin for "-" and for no TEXT; --json prints the CoachResult', async () => {
  for (const args of [['-'], []]) {
    const r = await run([...args, '--json', '--now', '2026-03-11T10:00:00Z', '--tz', 'America/New_York'], draft);
    assert.equal(r.code, 0, r.err);
    const result = JSON.parse(r.out);
    assert.equal(result.language, 'en');
    assert.deepEqual(result.findings.map((f: { kind: string }) => f.kind), ['blame']);
    assert.equal(result.commitments[0].due, '2026-03-12T17:00:00-04:00');
  }
});

test('the default zone is WORKSPACE_TIMEZONE, else UTC', async () => {
  const saved = process.env.WORKSPACE_TIMEZONE;
  try {
    delete process.env.WORKSPACE_TIMEZONE;
    const utc = JSON.parse((await run([draft, '--json', '--now', '2026-03-11T10:00:00Z'])).out);
    assert.equal(utc.commitments[0].due, '2026-03-12T17:00:00+00:00');
    process.env.WORKSPACE_TIMEZONE = 'Asia/Tokyo';
    const tokyo = JSON.parse((await run([draft, '--json', '--now', '2026-03-11T10:00:00Z'])).out);
    assert.equal(tokyo.commitments[0].due, '2026-03-12T17:00:00+09:00');
  } finally {
    if (saved === undefined) delete process.env.WORKSPACE_TIMEZONE;
    else process.env.WORKSPACE_TIMEZONE = saved;
  }
});

test('bad --now, bad --tz and unknown options: one line on err and exit code 2', async () => {
  for (const args of [
    ['hi', '--now', 'yesterday'],
    ['hi', '--now', '2026-13-45T10:00:00Z'],
    ['hi', '--now', '2026-03-11'],
    ['hi', '--tz', 'Mars/Olympus_Mons'],
    ['hi', '--frobnicate'],
  ]) {
    const r = await run(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.equal(r.out, '');
    assert.ok(r.err.endsWith('\n'));
    assert.equal(r.err.trimEnd().split('\n').length, 1);
    assert.match(r.err, /^heed coach: /);
  }
});

test('a non-English draft is reported as such, with nothing else', async () => {
  const r = await run(['No podemos reembolsar el artículo usado. Le llamaremos mañana.', '--now', '2026-03-11T10:00:00Z']);
  assert.equal(r.code, 0);
  assert.match(r.out, /Language: es\. The coach reads English drafts only/);
});
