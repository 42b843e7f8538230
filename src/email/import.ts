import fs from 'node:fs';
import path from 'node:path';
import type { AttachmentStorage } from '../attachments/storage.ts';
import type { Db } from '../db/database.ts';
import { recordInboundEmail } from './ingest.ts';
import { isMbox, splitMbox } from './mbox.ts';

/** The .eml and mbox files under a path (a file, or a directory searched recursively), sorted. */
export function emailFiles(target: string): string[] {
  const stat = fs.statSync(target);
  if (stat.isFile()) return [target];
  const out: string[] = [];
  for (const e of fs.readdirSync(target, { withFileTypes: true })) {
    const p = path.join(target, e.name);
    if (e.isDirectory()) out.push(...emailFiles(p));
    else if (/\.(eml|mbox|msg|txt)$/i.test(e.name) || !e.name.includes('.')) out.push(p);
  }
  return out.sort();
}

export type ImportProgress = { files: number; done: number; messages: number; outcomes: Record<string, number> };

/** Imports .eml files and mbox files through the same pipeline as SMTP; each message is filed on its own. */
export async function importEmails(
  db: Db,
  storage: AttachmentStorage,
  files: string[],
  envelopeTo: string[],
  onProgress: (p: ImportProgress) => void = () => {},
): Promise<ImportProgress> {
  const progress: ImportProgress = { files: files.length, done: 0, messages: 0, outcomes: {} };
  for (const file of files) {
    const raw = fs.readFileSync(file);
    for (const message of isMbox(raw) ? splitMbox(raw) : [raw]) {
      const r = await recordInboundEmail(db, storage, { raw: message, via: 'import', envelopeTo });
      progress.messages++;
      progress.outcomes[r.outcome] = (progress.outcomes[r.outcome] ?? 0) + 1;
    }
    progress.done++;
    onProgress(progress);
  }
  return progress;
}
