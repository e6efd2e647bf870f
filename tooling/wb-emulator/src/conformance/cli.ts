// node tooling/wb-emulator/src/conformance/cli.ts <folder of WB OpenAPI yaml files>
import { loadSpecs } from './openapi.ts';
import { runConformance } from './run.ts';

const folder = process.argv[2];
if (!folder) {
  console.error('usage: node tooling/wb-emulator/src/conformance/cli.ts <folder-with-openapi-yaml>');
  process.exit(2);
}

const results = await runConformance(loadSpecs(folder));
let violations = 0;
for (const r of results) {
  if (r.skipped) {
    process.stdout.write(`-    ${r.name}: skipped (${r.skipped})\n`);
    continue;
  }
  violations += r.violations.length;
  process.stdout.write(`${r.violations.length === 0 ? 'ok  ' : 'FAIL'} ${r.name} → ${r.status}\n`);
  for (const v of r.violations) process.stdout.write(`       ${v}\n`);
}
process.stdout.write(`${violations} violations\n`);
process.exit(violations === 0 ? 0 : 1);
