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

/** Builds the app with web/vite.config.ts into `outDir` (default web/dist). */
export async function buildWeb(opts: { quiet?: boolean; outDir?: string } = {}): Promise<void> {
  const { build } = await import('vite');
  await build({
    configFile: path.join(webRoot, 'vite.config.ts'),
    root: webRoot,
    logLevel: opts.quiet ? 'warn' : 'info',
    build: { outDir: opts.outDir ?? webDist, emptyOutDir: true },
  });
}

/**
 * Builds the app unless it is already built; says so in one line when it builds. Several processes may start
 * at once (tests, a cluster): each builds aside and moves its build into place, and the first one wins.
 */
export async function ensureWebBuilt(say: (line: string) => void = console.log): Promise<void> {
  // The embeddable widget (widget.js) is built alongside: a small esbuild bundle.
  await (await import('../widget/build.ts')).ensureWidgetBuilt();
  if (webBuilt()) return;
  say('Building the web app…');
  const aside = path.join(webRoot, `.dist-${process.pid}`);
  try {
    await buildWeb({ quiet: true, outDir: aside });
    if (!webBuilt()) fs.rmSync(webDist, { recursive: true, force: true });
    fs.renameSync(aside, webDist);
  } catch (err) {
    if (!webBuilt()) throw err;
  } finally {
    fs.rmSync(aside, { recursive: true, force: true });
  }
}
