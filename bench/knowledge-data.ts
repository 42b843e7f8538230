// Inputs of the knowledge benchmark: the inquiry mix, 5,000 varied help-center articles built from the labelled
// eval sets, and a few macros, inserted with bulk SQL.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../src/db/database.ts';
import { replies } from './corpus.ts';
import { repoRoot } from './server.ts';

export type Inquiry = { subject?: string; body: string; source: string };

const evalDir = path.join(repoRoot, 'src/knowledge/eval');
const banking77Test = '/work/shared/corpora/banking77/test.csv';

/** The first field of a CSV line (banking77 rows are `text,category`; text may be quoted). */
function csvText(line: string): string {
  if (!line.startsWith('"')) return line.slice(0, line.lastIndexOf(','));
  let out = '';
  for (let i = 1; i < line.length; i++) {
    if (line[i] === '"' && line[i + 1] === '"') (out += '"'), i++;
    else if (line[i] === '"') break;
    else out += line[i];
  }
  return out;
}

/** Realistic inquiries: the eval sets' help-center questions interleaved with banking77 test sentences. */
export function loadInquiries(): Inquiry[] {
  const help: Inquiry[] = [];
  for (const set of fs.readdirSync(evalDir)) {
    const file = path.join(evalDir, set, 'inquiries.jsonl');
    if (!fs.existsSync(file)) continue;
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const q = JSON.parse(line) as { subject?: string; text: string };
      help.push({ ...(q.subject ? { subject: q.subject } : {}), body: q.text, source: set });
    }
  }
  const bank: Inquiry[] = fs.existsSync(banking77Test)
    ? fs.readFileSync(banking77Test, 'utf8').split(/\r?\n/).slice(1).filter((l) => l.trim()).map((l) => ({ body: csvText(l), source: 'banking77' }))
    : [];
  // Interleave so any window of the mix holds both kinds (banking77 is larger; every 3rd is a help-center one).
  const out: Inquiry[] = [];
  for (let i = 0, h = 0; i < bank.length || h < help.length; i++) {
    if (i % 3 === 0 && help.length) out.push(help[h++ % help.length]!);
    if (i < bank.length) out.push(bank[i]!);
    if (i >= bank.length && h >= help.length) break;
  }
  return out.filter((q) => q.body.trim().length > 0);
}

type Source = { title: string; category: string | null; tags: string[]; paragraphs: string[] };

function readArticles(): Source[] {
  const out: Source[] = [];
  for (const set of fs.readdirSync(evalDir)) {
    const dir = path.join(evalDir, set, 'articles');
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.md')).sort()) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
      if (!m) continue;
      const meta = Object.fromEntries(m[1]!.split('\n').map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
      const tags = (meta.tags ?? '').replace(/^\[|\]$/g, '').split(',').map((t: string) => t.trim()).filter(Boolean);
      const paragraphs = m[2]!.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
      out.push({ title: meta.title ?? f, category: meta.category || null, tags, paragraphs });
    }
  }
  return out;
}

const titleForms = ['{t}', 'How to: {t}', '{t} (FAQ)', 'Help: {t}', '{t}: what to do', 'Guide: {t}', '{t} explained', 'Questions about {t}'];
const regions = ['the UK', 'Ireland', 'Germany', 'France', 'Spain', 'the Netherlands', 'Sweden', 'Italy', 'Poland', 'Portugal'];
const audiences = ['new customers', 'business accounts', 'members', 'trade customers', 'gift orders', 'app users'];

/**
 * `n` published articles made from the eval sets' articles: each takes one source's text (some paragraphs dropped or
 * reordered), a paragraph of a second source, and a varied title naming a region and audience, so no two are copies.
 */
export function generateArticles(n: number): { title: string; slug: string; body: string; category: string | null; tags: string[] }[] {
  const src = readArticles();
  if (src.length === 0) throw new Error(`no eval articles found under ${evalDir}`);
  const out = [];
  for (let k = 0; k < n; k++) {
    const a = src[k % src.length]!;
    const b = src[(k * 31 + 7) % src.length]!;
    const region = regions[Math.floor(k / src.length) % regions.length]!;
    const audience = audiences[Math.floor(k / (src.length * regions.length)) % audiences.length]!;
    const paras = a.paragraphs.filter((_, i) => i === 0 || (i + k) % 5 !== 0);
    if (k % 2 === 1 && paras.length > 2) paras.push(paras.splice(1, 1)[0]!);
    paras.push(`For ${audience} in ${region}: ${b.paragraphs[k % b.paragraphs.length]}`);
    paras.push(`Reference KB-${10000 + k}.`);
    const title = `${titleForms[k % titleForms.length]!.replace('{t}', a.title)} in ${region} for ${audience}`.slice(0, 200);
    const slug = `${a.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80)}-${k}`;
    out.push({ title, slug, body: paras.join('\n\n'), category: a.category, tags: [...a.tags, region.replace(/^the /, '').toLowerCase()] });
  }
  return out;
}

/** Inserts the generated articles (published) and `macros` active macros in bulk. */
export async function seedKnowledge(db: Db, opts: { articles: number; macros: number }): Promise<void> {
  const arts = generateArticles(opts.articles);
  for (let i = 0; i < arts.length; i += 1000) {
    const part = arts.slice(i, i + 1000);
    await sql`
      insert into articles (title, slug, body, category, tags, status, published_at)
      select t, s, b, nullif(c, ''), array(select jsonb_array_elements_text(g::jsonb)), 'published', now()
      from unnest(${part.map((a) => a.title)}::text[], ${part.map((a) => a.slug)}::text[], ${part.map((a) => a.body)}::text[],
        ${part.map((a) => a.category ?? '')}::text[], ${part.map((a) => JSON.stringify(a.tags))}::text[]) as u(t, s, b, c, g)`.execute(db);
  }
  const names = Array.from({ length: opts.macros }, (_, i) => `Reply ${i + 1}: ${replies[i % replies.length]!.split(' ').slice(0, 5).join(' ')}`);
  const bodies = names.map((_, i) => `Hi {{customer.name}},\n\n${replies[i % replies.length]} ${replies[(i * 7 + 3) % replies.length]}\n\nBest regards,\n{{agent.name}}`);
  await sql`insert into macros (name, body) select n, b from unnest(${names}::text[], ${bodies}::text[]) as u(n, b)`.execute(db);
}

/** Ids of `n` tickets spread over the whole table (mixed statuses), for the ticket-suggestions load. */
export async function sampleTicketIds(db: Db, n: number): Promise<string[]> {
  const r = await sql<{ id: string }>`select id from tickets order by hashint4(number) limit ${n}`.execute(db);
  return r.rows.map((x) => x.id);
}
