// Fails when src/graphql/graphql-env.d.ts, gql.tada's typed copy of apps/api/schema.graphql,
// no longer matches that schema: typecheck runs it, so a schema change without
// `npm run graphql-env -w @wb-assist/web` cannot pass for the web's types.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateOutput } from '@gql.tada/cli-utils';

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const committed = path.join(web, 'src/graphql/graphql-env.d.ts');
const fresh = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'graphql-env-')), 'graphql-env.d.ts');
try {
  await generateOutput({ tsconfig: path.join(web, 'tsconfig.json'), output: fresh, silent: true });
  if (fs.readFileSync(fresh, 'utf8') !== fs.readFileSync(committed, 'utf8')) {
    console.error(
      'apps/web/src/graphql/graphql-env.d.ts is out of date with apps/api/schema.graphql: run `npm run graphql-env -w @wb-assist/web`',
    );
    process.exitCode = 1;
  }
} finally {
  fs.rmSync(path.dirname(fresh), { recursive: true, force: true });
}
