/**
 * Building the web app from Node: `heed start` builds it when `web/dist` is missing (a fresh clone), so
 * `npm install && npm start` stays the whole setup. Vite is loaded only when a build is needed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const webRoot = path.dirname(fileURLToPath(import.meta.url));
export const webDist = path.join(webRoot, 'dist');

/** True when the built app is there to be served. */
export function webBuilt(dir: string = webDist): boolean {
  return fs.existsSync(path.join(dir, 'index.html'));
}

/** Builds the app into web/dist with web/vite.config.ts. */
export async function buildWeb(opts: { quiet?: boolean } = {}): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: path.join(webRoot, 'vite.config.ts'), root: webRoot, logLevel: opts.quiet ? 'warn' : 'info' });
}

/** Builds the app unless it is already built; says so in one line when it builds. */
export async function ensureWebBuilt(say: (line: string) => void = console.log): Promise<void> {
  if (webBuilt()) return;
  say('Building the web app…');
  await buildWeb({ quiet: true });
}
