// `heed coach [TEXT | -] [--now ISO] [--tz ZONE] [--json]`: coaches one draft from the terminal.
import { parseArgs } from 'node:util';
import { IANAZone } from 'luxon';
import { coachDraft, type CoachResult } from './coach.ts';

// out and err receive whole lines, each ending in "\n", so process.stdout.write / process.stderr.write fit.
export type CoachIo = { stdin: NodeJS.ReadableStream; out: (s: string) => void; err: (s: string) => void };

const usage = 'usage: heed coach [TEXT | -] [--now ISO] [--tz ZONE] [--json]';
// Enough for any reply; the coach reads only the first 20,000 characters anyway.
const MAX_STDIN = 4 * 1024 * 1024;

/** Runs the coach command; resolves to the exit code (0 ok, 2 bad usage). */
export async function coachCommand(args: string[], io: CoachIo): Promise<number> {
  let values: { now?: string; tz?: string; json?: boolean; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      options: { now: { type: 'string' }, tz: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: true,
    }));
  } catch (err) {
    io.err(`heed coach: ${((err as Error).message.split('\n')[0] ?? 'bad arguments').trim()} (${usage})\n`);
    return 2;
  }
  if (values.help) {
    io.out(`${usage}\n`);
    return 0;
  }
  const now = values.now === undefined ? new Date() : parseInstant(values.now);
  if (!now) {
    io.err(`heed coach: --now must be an ISO 8601 date-time such as 2026-03-11T09:30:00Z (got "${values.now}")\n`);
    return 2;
  }
  const timeZone = values.tz ?? process.env.WORKSPACE_TIMEZONE ?? 'UTC';
  if (!IANAZone.isValidZone(timeZone)) {
    io.err(`heed coach: ${values.tz === undefined ? 'WORKSPACE_TIMEZONE' : '--tz'} must be an IANA time zone such as Europe/London (got "${timeZone}")\n`);
    return 2;
  }
  const text = positionals.length === 0 || (positionals.length === 1 && positionals[0] === '-') ? await readAll(io.stdin) : positionals.join(' ');
  const result = coachDraft(text, { now, timeZone });
  io.out(`${values.json ? JSON.stringify(result, null, 2) : describe(result)}\n`);
  return 0;
}

/** An ISO 8601 date-time with a time and a zone or offset; anything else is refused rather than guessed. */
function parseInstant(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})$/i.test(value.trim())) return null;
  const d = new Date(value.trim());
  return Number.isNaN(d.getTime()) ? null : d;
}

function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer | string) => {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      if (size < MAX_STDIN) chunks.push(b);
      size += b.length;
    });
    stream.on('end', () => resolve(Buffer.concat(chunks).subarray(0, MAX_STDIN).toString('utf8')));
    stream.on('error', reject);
  });
}

/** The result for a person: each finding with its words and the fix, then the promises and when they fall due. */
export function describe(result: CoachResult): string {
  if (result.language !== 'en') {
    return `Language: ${result.language}. The coach reads English drafts only, so it has nothing to say about this one.`;
  }
  const lines: string[] = [];
  if (result.findings.length === 0) lines.push('No findings.');
  else {
    lines.push(`Findings (${result.findings.length}):`);
    for (const f of result.findings) {
      lines.push(`  ${f.kind}: "${oneLine(f.excerpt)}"`, `    ${f.message}`, `    Try: ${f.suggestion}`);
    }
  }
  lines.push('');
  if (result.commitments.length === 0) lines.push('No commitments.');
  else {
    lines.push(`Commitments (${result.commitments.length}):`);
    for (const c of result.commitments) lines.push(`  "${oneLine(c.phrase)}": ${c.action}, due ${c.due ?? 'no time given'}`);
  }
  return lines.join('\n');
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
