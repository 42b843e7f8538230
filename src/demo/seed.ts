import type { Db } from '../db/database.ts';

export async function seedDemo(_db: Db, _opts: { tickets: number; log: (line: string) => void }): Promise<string> {
  throw new Error('demo seeding is being written');
}
