// npm run docs [-- out.html]: the API reference, self-contained (Redoc inlined, no CDN, no web font).
import { redocly } from './redocly.mjs';

const out = process.argv[2] ?? 'docs/index.html';
redocly(
  [
    'build-docs', 'generated/openapi.json', '--inlineBundle', '-o', out,
    '--title', 'SMS v3: unlock the target server of a task',
    // Redoc's default theme pulls Montserrat and Roboto from Google Fonts; use the system's fonts.
    '--openapi.theme.typography.fontFamily=system-ui, sans-serif',
    '--openapi.theme.typography.headings.fontFamily=system-ui, sans-serif',
  ],
  { quiet: true },
);
console.log(`wrote ${out}`);
