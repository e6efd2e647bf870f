import type { z } from 'zod';

/** One concern's variables (database, WB hosts, Telegram, ...), validated on its own. */
export type EnvSchema = z.ZodType<object, Record<string, unknown>>;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

export type EnvOf<S extends readonly EnvSchema[]> = UnionToIntersection<z.output<S[number]>>;

export class EnvError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvError';
    this.problems = problems;
  }
}

/**
 * Validates every concern against the same source and reports all problems at once, so an
 * operator fixes the environment in one pass instead of one error per restart.
 * Empty strings count as unset: compose files and .env templates often pass `VAR=`.
 */
export function parseEnv<const S extends readonly EnvSchema[]>(
  schemas: S,
  source: Record<string, string | undefined> = process.env,
): EnvOf<S> {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const problems: string[] = [];
  const result: Record<string, unknown> = {};
  for (const schema of schemas) {
    const parsed = schema.safeParse(cleaned);
    if (parsed.success) {
      Object.assign(result, parsed.data);
      continue;
    }
    for (const issue of parsed.error.issues) {
      const name = issue.path.join('.') || '(environment)';
      const line = `${name}: ${issue.message}`;
      if (!problems.includes(line)) problems.push(line);
    }
  }
  if (problems.length > 0) throw new EnvError(problems);
  return result as EnvOf<S>;
}

/** parseEnv for an app's entry point: a bad environment prints one message and exits 1. */
export function loadEnv<const S extends readonly EnvSchema[]>(
  schemas: S,
  source: Record<string, string | undefined> = process.env,
): EnvOf<S> {
  try {
    return parseEnv(schemas, source);
  } catch (error) {
    if (error instanceof EnvError) {
      process.stderr.write(`${error.message}\nSee .env.example for every variable and its default.\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** The variable names a schema reads (through refinements and transforms). */
export function envVariableNames(schema: EnvSchema): string[] {
  let current: unknown = schema;
  for (;;) {
    const def = (current as { _zod: { def: { type: string; in?: unknown; shape?: Record<string, unknown> } } })._zod
      .def;
    if (def.type === 'pipe') current = def.in;
    else if (def.type === 'object' && def.shape) return Object.keys(def.shape);
    else throw new Error(`Not an environment schema: ${def.type}`);
  }
}
