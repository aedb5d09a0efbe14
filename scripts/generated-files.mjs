// Renders everything in generated/ from openapi/, in memory, so that `generate` can write it and
// `check-generated` can compare it with what is committed.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { redocly } from './redocly.mjs';

const HEADER = '// Generated from openapi/ by `npm run generate`. Do not edit.\n';

/** Bundles `rootFile` (the multi-file spec) into one document. */
export function bundleSpec(rootFile) {
  const dir = mkdtempSync(join(tmpdir(), 'sms-bundle-'));
  try {
    const out = join(dir, 'openapi.json');
    redocly(['bundle', rootFile, '--ext', 'json', '-o', out], { quiet: true });
    return JSON.parse(readFileSync(out, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Region → endpoint, one entry per value of each server's `region` variable, in spec order. */
function regionTable(spec) {
  const table = {};
  for (const server of spec.servers) {
    const region = server.variables?.region;
    if (!region?.enum) throw new Error(`server ${server.url} has no enumerated {region} variable`);
    for (const name of region.enum) {
      if (name in table) throw new Error(`region ${name} is listed by two servers`);
      table[name] = server.url.replace('{region}', name);
    }
  }
  return table;
}

function renderRegions(spec) {
  const entries = Object.entries(regionTable(spec))
    .map(([name, url]) => `  ${JSON.stringify(name)}: ${JSON.stringify(url)},`)
    .join('\n');
  return `${HEADER}
/** SMS endpoint of each region, from the \`servers\` of the spec. */
export const SMS_REGIONS = {
${entries}
} as const;

/** A region this client knows the endpoint of. */
export type SmsRegion = keyof typeof SMS_REGIONS;
`;
}

/** [minLength, maxLength] of every string parameter of every operation, keyed by parameter name. */
function renderLimits(spec) {
  const resolve = (node) =>
    node.$ref ? node.$ref.slice(2).split('/').reduce((at, key) => at[key], spec) : node;
  const limits = {};
  for (const pathItem of Object.values(spec.paths)) {
    const operations = Object.values(pathItem).filter((value) => !Array.isArray(value));
    for (const parameter of [pathItem.parameters ?? [], ...operations.map((op) => op.parameters ?? [])].flat()) {
      const { name, schema } = resolve(parameter);
      if (schema.type === 'string') limits[name] = [schema.minLength ?? 0, schema.maxLength];
    }
  }
  return `${HEADER}
/** [minLength, maxLength] (in Unicode code points) of the spec's string parameters, checked before sending. */
export const PARAMETER_LIMITS = ${JSON.stringify(limits)} as const;
`;
}

/** @returns {Promise<Record<string, string>>} file name in generated/ → contents */
export async function renderGeneratedFiles(rootFile = 'openapi/openapi.yaml') {
  const spec = bundleSpec(rootFile);
  const types = astToString(await openapiTS(spec, { alphabetize: true }));
  return {
    'openapi.json': `${JSON.stringify(spec, null, 2)}\n`,
    'schema.d.ts': HEADER + types,
    'regions.ts': renderRegions(spec),
    'limits.ts': renderLimits(spec),
  };
}
