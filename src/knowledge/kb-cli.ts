import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import type { Article } from '../db/types.ts';
import type { Actor } from '../events/record.ts';
import { HeedError } from '../http/errors.ts';
import { CreateArticleBody, type CreateArticleInput, type UpdateArticleInput } from './articles/schemas.ts';
import { createArticle, findArticleBySlug, updateArticle } from './articles/service.ts';
import { slugFromTitle } from './articles/slug.ts';

export type KbIo = { out(line: string): void; err(line: string): void };
export type ImportResult = { created: number; updated: number; unchanged: number; failed: { file: string; reason: string }[] };

const system: Actor = { kind: 'system' };
const frontMatterKeys = ['title', 'slug', 'category', 'tags', 'status', 'locale'] as const;

/** Every `*.md` file under a directory, in a stable order. */
export function markdownFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name.toLowerCase().endsWith('.md')) found.push(p);
    }
  };
  walk(dir);
  return found;
}

/** Splits a file into its front matter (a YAML mapping) and the Markdown body after it. */
export function splitFrontMatter(text: string): { meta: Record<string, unknown>; body: string } {
  const t = text.replace(/^\uFEFF/, '');
  const open = /^---[ \t]*\r?\n/.exec(t);
  if (!open) return { meta: {}, body: t };
  const rest = t.slice(open[0].length);
  const close = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m.exec(rest);
  if (!close) throw new Error('front matter: no closing --- line');
  const parsed: unknown = parseYaml(rest.slice(0, close.index));
  if (parsed !== null && (typeof parsed !== 'object' || Array.isArray(parsed))) throw new Error('front matter: must be a YAML mapping of fields');
  return { meta: (parsed ?? {}) as Record<string, unknown>, body: rest.slice(close.index + close[0].length) };
}

/** The title and body of a file without a title in its front matter: the first "# Heading" (removed), else the file name. */
function titleFromBody(body: string, file: string): { title: string; body: string } {
  const lines = body.split('\n');
  const at = lines.findIndex((l) => /^#\s+\S/.test(l));
  if (at >= 0) {
    const title = lines[at]!.replace(/^#\s+/, '').replace(/\s+#+\s*$/, '').trim();
    lines.splice(at, 1);
    // A heading at the top leaves no blank lines in front of the body.
    const rest = lines.join('\n');
    return { title, body: lines.slice(0, at).every((l) => l.trim() === '') ? rest.replace(/^(\s*\r?\n)+/, '') : rest };
  }
  return { title: path.basename(file, path.extname(file)).replace(/[-_]+/g, ' ').trim(), body };
}

/** What one file asks for, validated by the same schema as the API. */
export function readArticleFile(file: string): CreateArticleInput {
  const { meta, body: raw } = splitFrontMatter(fs.readFileSync(file, 'utf8'));
  const picked: Record<string, unknown> = {};
  for (const k of frontMatterKeys) if (meta[k] !== undefined) picked[k] = meta[k];
  if (typeof picked.tags === 'string') picked.tags = picked.tags.split(',').map((s) => s.trim()).filter(Boolean);
  let body = raw;
  if (picked.title === undefined) ({ title: picked.title, body } = titleFromBody(raw, file));
  const parsed = CreateArticleBody.safeParse({ ...picked, body });
  if (!parsed.success) throw new HeedError('validation_failed', describe(parsed.error));
  const input = parsed.data;
  if (!input.slug) {
    const slug = slugFromTitle(input.title) || slugFromTitle(path.basename(file, path.extname(file)));
    if (!slug) throw new HeedError('validation_failed', 'slug: the title gives no slug; add one to the front matter');
    input.slug = slug;
  }
  return input;
}

function describe(err: z.ZodError): string {
  const i = err.issues[0];
  return i ? `${i.path.join('.') || 'file'}: ${i.message}` : 'invalid';
}

const sameTags = (a: string[], b: string[]) => a.length === b.length && a.every((t, i) => t === b[i]);

/** The fields of `input` that differ from the stored article (fields the file leaves out are kept). */
function differences(a: Article, input: CreateArticleInput): UpdateArticleInput {
  const d: UpdateArticleInput = {};
  if (input.title !== a.title) d.title = input.title;
  if (input.body !== a.body) d.body = input.body;
  if (input.category !== undefined && input.category !== a.category) d.category = input.category;
  if (input.tags !== undefined && !sameTags(input.tags, a.tags)) d.tags = input.tags;
  if (input.status !== undefined && input.status !== a.status) d.status = input.status;
  return d;
}

/** Upserts every Markdown file under `dir` by (locale, slug); each file is one transaction. */
export async function importKnowledge(db: Db, dir: string): Promise<ImportResult> {
  const result: ImportResult = { created: 0, updated: 0, unchanged: 0, failed: [] };
  for (const file of markdownFiles(dir)) {
    try {
      const input = readArticleFile(file);
      const existing = await findArticleBySlug(db, input.locale ?? 'en', input.slug!);
      if (!existing) {
        await createArticle(db, system, input);
        result.created += 1;
        continue;
      }
      const diff = differences(existing, input);
      if (Object.keys(diff).length === 0) {
        result.unchanged += 1;
        continue;
      }
      await updateArticle(db, system, existing.id, { ...diff, version: existing.version });
      result.updated += 1;
    } catch (err) {
      result.failed.push({ file, reason: err instanceof Error ? err.message : String(err) });
    }
  }
  return result;
}

/** The file text of an article: YAML front matter, then the body exactly as stored. */
export function articleFile(a: Article): string {
  const meta: Record<string, unknown> = { title: a.title, slug: a.slug };
  if (a.category !== null) meta.category = a.category;
  meta.tags = a.tags;
  meta.status = a.status;
  meta.locale = a.locale;
  return `---\n${stringifyYaml(meta, { lineWidth: 0 })}---\n${a.body}`;
}

/** Writes every article as `<locale>/<slug>.md` under `dir`; returns how many. */
export async function exportKnowledge(db: Db, dir: string): Promise<number> {
  const articles = await db.selectFrom('articles').selectAll().orderBy('locale').orderBy('slug').execute();
  for (const a of articles) {
    const folder = path.join(dir, a.locale);
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, `${a.slug}.md`), articleFile(a));
  }
  return articles.length;
}

const kbUsage = 'usage: heed kb import DIR | heed kb export DIR';

/** `heed kb import DIR` and `heed kb export DIR`; resolves to the exit code. */
export async function kbCommand(args: string[], io: KbIo, open: () => Promise<{ db: Db; close(): Promise<void> }>): Promise<number> {
  let positionals: string[];
  try {
    ({ positionals } = parseArgs({ args, options: {}, strict: true, allowPositionals: true }));
  } catch (err) {
    io.err(`heed: ${(err as Error).message.split('\n')[0]}\n`);
    return 2;
  }
  const [verb, dir, extra] = positionals;
  if ((verb !== 'import' && verb !== 'export') || !dir || extra) {
    io.err(`heed: ${kbUsage}\n`);
    return 2;
  }
  if (verb === 'import' && !(fs.existsSync(dir) && fs.statSync(dir).isDirectory())) {
    io.err(`heed: kb import: ${dir} is not a directory\n`);
    return 2;
  }
  if (verb === 'export' && fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) {
    io.err(`heed: kb export: ${dir} is not a directory\n`);
    return 2;
  }
  const database = await open();
  try {
    if (verb === 'export') {
      fs.mkdirSync(dir, { recursive: true });
      const n = await exportKnowledge(database.db, dir);
      io.out(`exported ${n} ${n === 1 ? 'article' : 'articles'} to ${dir}\n`);
      return 0;
    }
    const r = await importKnowledge(database.db, dir);
    io.out(`created ${r.created}, updated ${r.updated}, unchanged ${r.unchanged}, failed ${r.failed.length}\n`);
    for (const f of r.failed) io.err(`failed ${f.file}: ${f.reason}\n`);
    return r.failed.length ? 1 : 0;
  } finally {
    await database.close();
  }
}
