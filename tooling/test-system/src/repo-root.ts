import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root: apps are started from there by their paths, as `npm start` does. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
