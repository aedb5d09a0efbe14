import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

/** The bundled spec (`generated/openapi.json`), as far as the mock server reads it. */
export interface OpenApiDocument {
  paths: Record<string, PathItem>;
  components: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}
export type PathItem = Record<string, unknown> & { parameters?: Reference<Parameter>[] };
export interface Operation {
  parameters?: Reference<Parameter>[];
  responses: Record<string, Reference<ResponseObject>>;
}
export interface Parameter {
  name: string;
  in: 'path' | 'header' | 'query' | 'cookie';
  required?: boolean;
  schema: object;
}
export interface ResponseObject {
  content?: Record<string, { schema?: object; example?: unknown }>;
}
export type Reference<T> = T | { $ref: string };

const SPEC_ID = 'https://sms-unlock-client.invalid/openapi.json';
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export function loadSpec(): OpenApiDocument {
  return JSON.parse(readFileSync(new URL('../../generated/openapi.json', import.meta.url), 'utf8'));
}

/** Where a node stands in the spec, as JSON pointer tokens (unescaped). */
export type Location = string[];

/** Follows local `$ref`s (`#/components/…`) from `node`, found at `at`, to what they name and where. */
export function resolve<T>(spec: OpenApiDocument, node: Reference<T>, at: Location): { value: T; at: Location } {
  if (typeof node !== 'object' || node === null || !('$ref' in node)) return { value: node, at };
  const target = node.$ref.replace(/^#\//, '').split('/').map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
  const value = target.reduce<unknown>((into, key) => (into as Record<string, unknown> | undefined)?.[key], spec);
  if (value === undefined) throw new Error(`unresolved $ref ${node.$ref}`);
  return resolve(spec, value as Reference<T>, target);
}

/**
 * Returns a compiler of the spec's schemas, named by location: JSON Schema 2020-12 (as OpenAPI 3.1
 * uses), with `#/components/…` references resolved against the spec and OpenAPI's own keywords
 * (`example`, …) ignored.
 */
export function createSchemaCompiler(spec: OpenApiDocument): (at: Location) => ValidateFunction {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema({ ...spec, $id: SPEC_ID });
  const pointer = (at: Location) => at.map((token) => encodeURIComponent(token.replaceAll('~', '~0').replaceAll('/', '~1'))).join('/');
  return (at) => ajv.compile({ $ref: `${SPEC_ID}#/${pointer(at)}` });
}
