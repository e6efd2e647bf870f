import { CASES, prepare } from './cases.ts';
import { Checker } from './checker.ts';
import type { OpenApiDoc } from './openapi.ts';

export type CaseResult = { name: string; status: number; violations: string[]; skipped?: string };

/** Calls every case against an in-process emulator and checks each answer against the files. */
export async function runConformance(docs: readonly OpenApiDoc[]): Promise<CaseResult[]> {
  const checker = new Checker(docs);
  const ctx = await prepare();
  const results: CaseResult[] = [];
  try {
    for (const c of CASES) {
      const name = `${c.method} ${c.specPath} [${c.label}]`;
      if (!checker.documents(c.specPath, c.method)) {
        results.push({ name, status: 0, violations: [], skipped: 'not in the OpenAPI files' });
        continue;
      }
      if (c.fault) await ctx.emulator.control.injectFault(c.fault);
      const req = c.request(ctx);
      const headers: Record<string, string> = {};
      const token = req.token === undefined ? ctx.token : req.token;
      if (token !== null) headers.Authorization = token;
      if (req.body !== undefined && req.contentType !== null)
        headers['content-type'] = req.contentType ?? 'application/json';
      const response = await fetch(`${ctx.emulator.url}${req.path}`, {
        method: c.method,
        headers,
        body: req.body === undefined ? undefined : new Uint8Array(Buffer.from(JSON.stringify(req.body))),
      });
      const body = await response.text();
      const violations = checker.check(c.specPath, c.method, {
        status: response.status,
        contentType: response.headers.get('content-type') ?? '',
        body,
      });
      const expected = Number(c.label.slice(0, 3));
      if (response.status !== expected) violations.push(`expected status ${expected}, got ${response.status}`);
      results.push({ name, status: response.status, violations });
    }
  } finally {
    await ctx.emulator.close();
  }
  return results;
}
