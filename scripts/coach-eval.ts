// Scores the reply coach against labelled drafts.
//   node --import tsx scripts/coach-eval.ts [FILE.jsonl ...] [--errors]
// With no files: the three development sets (drafts.jsonl, drafts2.jsonl, drafts3.jsonl) and holdout.jsonl, each reported on its own.
import fs from 'node:fs';
import path from 'node:path';
import { formatReport, parseLabelled, score } from '../src/coach/evaluate.ts';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const errors = args.includes('--errors');
const given = args.filter((a) => a !== '--errors');
if (given.some((a) => a.startsWith('-'))) {
  console.error('usage: node --import tsx scripts/coach-eval.ts [FILE.jsonl ...] [--errors]');
  process.exit(2);
}
const files = given.length ? given : ['src/coach/eval/drafts.jsonl', 'src/coach/eval/drafts2.jsonl', 'src/coach/eval/drafts3.jsonl', 'src/coach/eval/holdout.jsonl'].map((f) => path.join(root, f));

let failed = false;
for (const file of files) {
  if (!fs.existsSync(file)) {
    console.error(`${file}: not found`);
    failed = true;
    continue;
  }
  try {
    const drafts = parseLabelled(fs.readFileSync(file, 'utf8'), path.basename(file));
    console.log(formatReport(path.relative(root, path.resolve(file)), score(drafts), errors));
    console.log('');
  } catch (err) {
    console.error((err as Error).message);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
