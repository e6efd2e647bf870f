import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The schema is printed in a plain Node process, as `npm run print-schema` does: inside vitest
// graphql would load twice (ESM for this file, CommonJS for Pothos) and refuse to mix.
const cli = fileURLToPath(new URL('../cli/print-schema.ts', import.meta.url));
const schemaFile = fileURLToPath(new URL('../../schema.graphql', import.meta.url));
const check = (file = schemaFile) => spawnSync(process.execPath, [cli, '--check', file], { encoding: 'utf8' });

describe('apps/api/schema.graphql', () => {
  it('matches the schema the code builds (run `npm run print-schema -w @wb-assist/api` after a change)', () => {
    const result = check();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('the check fails when the file drifts', () => {
    const drifted = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sdl-')), 'schema.graphql');
    const original = fs.readFileSync(schemaFile, 'utf8');
    fs.writeFileSync(drifted, original.replace('type Query {', 'type Query {\n  removedField: String'));
    const result = check(drifted);
    fs.rmSync(path.dirname(drifted), { recursive: true });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/out of date/);
  });
});
