// Reading the labelled help-center sets: src/knowledge/eval/<set> (development and held-out evaluation) and
// src/knowledge/train/<set> (what the learned word associations are trained on). Each set is a directory of
// articles (Markdown with front matter) and inquiries.jsonl ({id, subject?, text, article: slug | null}).
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ArticleDoc } from '../src/knowledge/match/articles.ts';

export type Inquiry = { id: string; subject?: string; text: string; article: string | null };
export type LabelledSet = { name: string; docs: ArticleDoc[]; inquiries: Inquiry[] };

export const knowledgeDir = path.join(import.meta.dirname, '../src/knowledge');

/** Articles and labelled inquiries of the set in `dir`. */
export function loadSetDir(dir: string): LabelledSet {
  const docs = fs.readdirSync(path.join(dir, 'articles')).filter((f) => f.endsWith('.md')).sort().map((f) => {
    const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(fs.readFileSync(path.join(dir, 'articles', f), 'utf8'));
    if (!m) throw new Error(`${dir}/articles/${f}: no front matter`);
    const fm = parseYaml(m[1]!) as { slug: string; title: string; tags?: string[]; category?: string };
    return { id: fm.slug, title: fm.title, body: m[2]!, tags: fm.tags ?? [], category: fm.category ?? null };
  });
  const slugs = new Set(docs.map((d) => d.id));
  const inquiries = fs.readFileSync(path.join(dir, 'inquiries.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((l, i) => {
    const q = JSON.parse(l) as Inquiry;
    if (q.article !== null && !slugs.has(q.article)) throw new Error(`${dir}/inquiries.jsonl line ${i + 1}: no article ${q.article}`);
    return q;
  });
  return { name: path.basename(dir), docs, inquiries };
}

/** An evaluation set by name (tallowbrook, ferrow, kestrel). */
export const loadSet = (name: string): LabelledSet => loadSetDir(path.join(knowledgeDir, 'eval', name));

/** Every training set under src/knowledge/train, by name order. */
export function trainingSets(root = path.join(knowledgeDir, 'train')): LabelledSet[] {
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root).filter((d) => fs.existsSync(path.join(root, d, 'inquiries.jsonl'))).sort().map((d) => loadSetDir(path.join(root, d)));
}
