/**
 * OpenAPI 3.0 schemas are almost JSON Schema. The differences that matter for validation:
 * `nullable: true` (JSON Schema says `type: [..., "null"]`), and formats WB invents
 * (`UUID`, `uint64`, `int64`…) which are documentation, not constraints.
 */
const CHECKED_FORMATS = new Set(['date-time', 'date', 'uuid', 'uri', 'email']);

export function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'nullable' || key === 'example' || key === 'examples' || key.startsWith('x-')) continue;
    if (key === 'format' && (typeof value !== 'string' || !CHECKED_FORMATS.has(value))) continue;
    // `properties` maps names to schemas: convert each value, keep every name.
    out[key] = key === 'properties' ? mapValues(value, toJsonSchema) : toJsonSchema(value);
  }
  if ((schema as { nullable?: unknown }).nullable === true) return { anyOf: [out, { type: 'null' }] };
  return out;
}

function mapValues(value: unknown, fn: (v: unknown) => unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fn(v)]));
}
