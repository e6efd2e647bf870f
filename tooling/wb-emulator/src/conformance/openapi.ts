import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export type OpenApiDoc = { file: string; paths: Record<string, Record<string, unknown>>; root: unknown };
export type Operation = { file: string; responses: Record<string, unknown> };

/** Reads every `*.yaml`/`*.yml` OpenAPI file of a folder. */
export function loadSpecs(folder: string): OpenApiDoc[] {
  return fs
    .readdirSync(folder)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((file) => fromObject(file, parse(fs.readFileSync(path.join(folder, file), 'utf8'))));
}

export function fromObject(file: string, root: unknown): OpenApiDoc {
  const paths = ((root as { paths?: unknown }).paths ?? {}) as OpenApiDoc['paths'];
  return { file, paths, root };
}

/** Replaces every local `$ref` (`#/components/...`) with what it points at, recursively. */
export function deref(doc: OpenApiDoc, value: unknown, seen: readonly string[] = []): unknown {
  if (Array.isArray(value)) return value.map((v) => deref(doc, v, seen));
  if (typeof value !== 'object' || value === null) return value;
  const ref = (value as { $ref?: unknown }).$ref;
  if (typeof ref === 'string') {
    if (seen.includes(ref)) return {};
    return deref(doc, pointer(doc.root, ref), [...seen, ref]);
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deref(doc, v, seen)]));
}

function pointer(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported: ${ref}`);
  let node: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    node = (node as Record<string, unknown> | undefined)?.[key];
    if (node === undefined) throw new Error(`unresolved $ref ${ref}`);
  }
  return node;
}

export function findOperation(docs: readonly OpenApiDoc[], specPath: string, method: string): Operation | null {
  for (const doc of docs) {
    const op = doc.paths[specPath]?.[method.toLowerCase()] as { responses?: unknown } | undefined;
    if (op) return { file: doc.file, responses: deref(doc, op.responses ?? {}) as Record<string, unknown> };
  }
  return null;
}

export type ResponseSpec = { contentTypes: string[]; schemaFor: (contentType: string) => unknown };

/** The documented response for a status, or null when the status is not documented. */
export function responseSpec(op: Operation, status: number): ResponseSpec | null {
  const response = (op.responses[String(status)] ?? op.responses[`${String(status)[0]}XX`]) as
    { content?: Record<string, { schema?: unknown }> } | undefined;
  if (!response) return null;
  const content = response.content ?? {};
  return {
    contentTypes: Object.keys(content),
    schemaFor: (contentType) => content[contentType]?.schema,
  };
}
