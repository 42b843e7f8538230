/**
 * Builds the embeddable widget (widget/src → widget/dist/widget.js): one minified script, no dependencies.
 * `npm run build:widget` prints its gzipped size; Heed builds it on first use when it is missing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const widgetRoot = path.dirname(fileURLToPath(import.meta.url));
export const widgetFile = path.join(widgetRoot, 'dist', 'widget.js');
/** The budget the issue sets for the script, gzipped. */
export const WIDGET_GZIP_BUDGET = 30 * 1024;

/** Bundles and minifies the widget into `outFile`; returns its size and gzipped size in bytes. */
export async function buildWidget(outFile: string = widgetFile): Promise<{ bytes: number; gzipBytes: number }> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [path.join(widgetRoot, 'src', 'main.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2020'],
    write: false,
    legalComments: 'none',
  });
  const code = result.outputFiles[0]!.contents;
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  // Written aside and moved into place: a concurrent reader never sees half a file.
  const aside = `${outFile}.${process.pid}.tmp`;
  fs.writeFileSync(aside, code);
  fs.renameSync(aside, outFile);
  return { bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
}

/** Builds the widget unless it is already built. */
export async function ensureWidgetBuilt(): Promise<void> {
  if (!fs.existsSync(widgetFile)) await buildWidget();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { bytes, gzipBytes } = await buildWidget();
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`widget/dist/widget.js: ${kb(bytes)}, ${kb(gzipBytes)} gzipped (budget ${kb(WIDGET_GZIP_BUDGET)})`);
  if (gzipBytes > WIDGET_GZIP_BUDGET) {
    console.error('widget.js is over its gzipped budget');
    process.exit(1);
  }
}
