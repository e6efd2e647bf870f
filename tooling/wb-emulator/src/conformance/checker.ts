import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { toJsonSchema } from './json-schema.ts';
import { findOperation, responseSpec, type OpenApiDoc, type Operation } from './openapi.ts';

// ajv-formats is CommonJS; under Node's ESM interop its plugin is the default export's `default`.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => void;

export type Observed = { status: number; contentType: string; body: string };

/** Validates observed responses against the response schemas of the OpenAPI files. */
export class Checker {
  readonly #docs: readonly OpenApiDoc[];
  readonly #ajv = new Ajv({ strict: false, allErrors: true });
  readonly #compiled = new Map<unknown, ValidateFunction>();
  readonly #operations = new Map<string, Operation | null>();

  constructor(docs: readonly OpenApiDoc[]) {
    this.#docs = docs;
    addFormats(this.#ajv);
  }

  /** Whether any file documents this operation (endpoints beyond the files are not checked). */
  documents(specPath: string, method: string): boolean {
    return this.#operation(specPath, method) !== null;
  }

  /** Violations, as sentences; empty when the response is what the files document. */
  check(specPath: string, method: string, observed: Observed): string[] {
    const op = this.#operation(specPath, method);
    if (!op) return [`${method} ${specPath} is not documented`];
    const spec = responseSpec(op, observed.status);
    if (!spec) return [`status ${observed.status} is not documented for ${method} ${specPath} (${op.file})`];
    if (spec.contentTypes.length === 0)
      return observed.body.length === 0
        ? []
        : [`status ${observed.status} documents no body, got ${observed.body.length} bytes`];
    const mediaType = observed.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
    if (!spec.contentTypes.includes(mediaType))
      return [`content-type ${mediaType || '(none)'} is not among ${spec.contentTypes.join(', ')}`];
    const schema = spec.schemaFor(mediaType);
    if (schema === undefined) return [];
    let value: unknown;
    try {
      value = JSON.parse(observed.body);
    } catch {
      return ['body is not JSON'];
    }
    const validate = this.#validator(schema);
    if (validate(value)) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
  }

  #operation(specPath: string, method: string): Operation | null {
    const key = `${method} ${specPath}`;
    if (!this.#operations.has(key)) this.#operations.set(key, findOperation(this.#docs, specPath, method));
    return this.#operations.get(key) ?? null;
  }

  #validator(schema: unknown): ValidateFunction {
    let validate = this.#compiled.get(schema);
    if (!validate) {
      validate = this.#ajv.compile(toJsonSchema(schema) as object);
      this.#compiled.set(schema, validate);
    }
    return validate;
  }
}
