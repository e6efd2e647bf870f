import fs from 'node:fs';
import { printedSchema, schemaFile } from '../schema/sdl.ts';

// --check [file]: exit 1 when the SDL file (the checked-in one by default) differs from what
// the code builds (CI, tests).
const printed = await printedSchema();
const checkAt = process.argv.indexOf('--check');
if (checkAt !== -1) {
  const file = process.argv[checkAt + 1] ?? schemaFile;
  if (fs.readFileSync(file, 'utf8') !== printed) {
    console.error(`${file} is out of date: run npm run print-schema -w @wb-assist/api`);
    process.exit(1);
  }
} else {
  fs.writeFileSync(schemaFile, printed);
  console.warn(`wrote ${schemaFile}`);
}
