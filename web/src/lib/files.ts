/** Attachments as the timeline and the composer show them. */

/** "512 bytes", "12 KB", "3.4 MB". */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The files that belong to no message on the timeline (added to the ticket itself), shown after the conversation. */
export function looseFiles<T extends { messageId: string | null }>(files: readonly T[], messageIds: readonly string[]): T[] {
  const shown = new Set(messageIds);
  return files.filter((f) => f.messageId === null || !shown.has(f.messageId));
}

/** Adds picked files to those already chosen, skipping one chosen twice (same name, size and date). */
export function addPicked<T extends { name: string; size: number; lastModified: number }>(chosen: readonly T[], picked: readonly T[]): T[] {
  const key = (f: T) => `${f.name}:${f.size}:${f.lastModified}`;
  const seen = new Set(chosen.map(key));
  const out = [...chosen];
  for (const f of picked) {
    if (seen.has(key(f))) continue;
    seen.add(key(f));
    out.push(f);
  }
  return out;
}
