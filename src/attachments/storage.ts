import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Where attachment bytes live. Rows in `attachments` point at them by key. */
export interface AttachmentStorage {
  /** Stores the bytes and returns their key and SHA-256; storing the same bytes twice yields the same key. */
  put(data: Buffer): Promise<{ key: string; sha256: string }>;
  get(key: string): Promise<Buffer>;
  exists(key: string): Promise<boolean>;
}

/** Content-addressed files under one directory: <dir>/ab/cd/<sha256>. Writes go to a temp file, then rename. */
export class LocalDirectoryStorage implements AttachmentStorage {
  constructor(private readonly dir: string) {}

  private pathOf(key: string): string {
    if (!/^[0-9a-f]{64}$/.test(key)) throw new Error('invalid attachment key');
    return path.join(this.dir, key.slice(0, 2), key.slice(2, 4), key);
  }

  async put(data: Buffer) {
    const sha256 = createHash('sha256').update(data).digest('hex');
    const target = this.pathOf(sha256);
    if (!(await this.exists(sha256))) {
      await fs.mkdir(path.dirname(target), { recursive: true });
      const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      await fs.writeFile(tmp, data, { flag: 'wx' });
      await fs.rename(tmp, target);
    }
    return { key: sha256, sha256 };
  }

  async get(key: string) {
    return fs.readFile(this.pathOf(key));
  }

  async exists(key: string) {
    try {
      await fs.access(this.pathOf(key));
      return true;
    } catch {
      return false;
    }
  }
}
