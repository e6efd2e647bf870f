import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { printSchema } from 'graphql';
import * as prettier from 'prettier';
import { sortedSchema } from './index.ts';

/** apps/api/schema.graphql: the contract the web app and integrators code against. */
export const schemaFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schema.graphql');

/** The SDL as checked in: types and fields sorted, formatted like every other file. */
export async function printedSchema(): Promise<string> {
  const options = (await prettier.resolveConfig(schemaFile)) ?? {};
  return prettier.format(printSchema(sortedSchema()), { ...options, parser: 'graphql' });
}
