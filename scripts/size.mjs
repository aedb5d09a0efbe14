// npm run size: the browser bundle of createSmsClient (esbuild, minified, then gzip) must stay within
// the budget and hold no `node:` import. Needs dist/ (npm run compile).
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const BUDGET_BYTES = 6 * 1024;

/** Bundles `code` (imports relative to the project's root) for the browser; returns the minified text. */
export async function bundleForBrowser(code, { minify = true } = {}) {
  const result = await build({
    stdin: { contents: code, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    minify,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

async function measureClientBundle() {
  const text = await bundleForBrowser("export { createSmsClient } from './dist/src/index.js';");
  return { minified: Buffer.byteLength(text), gzipped: gzipSync(text, { level: 9 }).length, nodeImports: text.match(/["']node:[a-z_/]+["']/g) ?? [] };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { minified, gzipped, nodeImports } = await measureClientBundle();
  console.log(`createSmsClient, browser bundle: ${minified} B minified, ${gzipped} B gzip (budget ${BUDGET_BYTES} B)`);
  if (nodeImports.length > 0) console.error(`node: imports in the browser bundle: ${nodeImports.join(', ')}`);
  if (gzipped > BUDGET_BYTES || nodeImports.length > 0) process.exit(1);
}
