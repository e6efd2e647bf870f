import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { databaseEnv, loadEnv, repoRoot, runtimeEnv } from '@wb-assist/config';
import { openDatabase } from '../database.ts';
import { migrationsDir, schemaPath } from '../migrations.ts';
import { diffSchemas, isEmptyDiff, readSchema } from '../schema-sql.ts';

// `npm run db:new-migration -- <name> [--from-ref <git ref> | --from <file>]`
// Drafts the SQL that takes the previous schema.prisma (by default the one committed at
// HEAD) to the current one, using Prisma's differ without its downloaded engine. Review the
// file before committing; the drift test fails if schema and migrations disagree.
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'from-ref': { type: 'string' }, from: { type: 'string' } },
});
const name = positionals[0];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  process.stderr.write(
    'usage: npm run db:new-migration -- <name_in_snake_case> [--from-ref <git ref> | --from <schema file>]\n',
  );
  process.exit(2);
}

function previousSchema(): string {
  if (values.from) return fs.readFileSync(values.from, 'utf8');
  const ref = values['from-ref'] ?? 'HEAD';
  const relative = path.relative(repoRoot, schemaPath);
  try {
    return execFileSync('git', ['show', `${ref}:${relative}`], {
      cwd: repoRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch {
    process.stderr.write(`Cannot read ${relative} at ${ref}; pass --from <file> with the previous schema.\n`);
    process.exit(1);
  }
}

const env = loadEnv([runtimeEnv, databaseEnv]);
const from = previousSchema();
const database = await openDatabase(env);
try {
  const sql = await diffSchemas(database.url, from, readSchema());
  if (isEmptyDiff(sql)) {
    process.stdout.write(
      `schema.prisma matches the previous schema (${values.from ?? values['from-ref'] ?? 'HEAD'}): no migration needed.\n` +
        'If the schema change is already committed, use --from-ref <the commit before it>.\n',
    );
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'migration.sql'), sql);
    process.stdout.write(
      `wrote ${path.relative(repoRoot, dir)}/migration.sql: review it, then run npm test (the drift test checks it).\n`,
    );
  }
} finally {
  await database.stop();
}
