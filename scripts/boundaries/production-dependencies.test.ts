import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// What a production image installs: the Dockerfile removes tooling/ and bench/, then prunes dev
// dependencies. So every app must reach its production dependencies (followed through the
// workspace packages and the lockfile, transitively) without a tooling workspace and without
// the embedded PostgreSQL.

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8')) as T;

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const workspaceDirs = (parent: string) =>
  fs
    .readdirSync(path.join(repoRoot, parent))
    .map((name) => `${parent}/${name}`)
    .filter((dir) => fs.existsSync(path.join(repoRoot, dir, 'package.json')));

const workspaces = new Map<string, { dir: string; manifest: Manifest }>();
for (const dir of [...workspaceDirs('apps'), ...workspaceDirs('packages'), ...workspaceDirs('tooling'), 'bench']) {
  const manifest = readJson<Manifest>(`${dir}/package.json`);
  workspaces.set(manifest.name, { dir, manifest });
}
const lock = readJson<{ packages: Record<string, Manifest> }>('package-lock.json').packages;
const toolingNames = [...workspaces.values()].filter((w) => w.dir.startsWith('tooling/')).map((w) => w.manifest.name);

/** Every package an app needs at run time, each with the chain that brings it in. */
function productionClosure(app: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const visit = (name: string, chain: string[], fromDir: string) => {
    if (seen.has(name)) return;
    seen.set(name, chain);
    const workspace = workspaces.get(name);
    // npm's layout: a package's own nested node_modules first, then the root's.
    const lockKey = workspace
      ? undefined
      : [`${fromDir}/node_modules/${name}`, `node_modules/${name}`].find((key) => lock[key]);
    const manifest = workspace?.manifest ?? (lockKey ? lock[lockKey] : undefined);
    if (!manifest) return; // an optional dependency for another platform
    const dir = workspace?.dir ?? lockKey!;
    for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies'] as const) {
      for (const dependency of Object.keys(manifest[field] ?? {})) visit(dependency, [...chain, dependency], dir);
    }
  };
  visit(app, [app], workspaces.get(app)!.dir);
  return seen;
}

const apps = [...workspaces.values()].filter((w) => w.dir.startsWith('apps/')).map((w) => w.manifest.name);

describe('production dependencies', () => {
  it('finds the apps and the tooling workspaces', () => {
    expect(apps).toEqual(
      expect.arrayContaining(['@wb-assist/api', '@wb-assist/bot', '@wb-assist/web', '@wb-assist/worker']),
    );
    expect(toolingNames).toEqual(
      expect.arrayContaining(['@wb-assist/embedded-postgres', '@wb-assist/wb-emulator', '@wb-assist/telegram-fake']),
    );
  });

  it.each(apps)('%s needs neither tooling nor the embedded PostgreSQL at run time', (app) => {
    const closure = productionClosure(app);
    // The walk reaches real dependencies (a sanity check: an empty walk would pass anything).
    expect(closure.has('@wb-assist/db') || app === '@wb-assist/web').toBe(true);
    expect(closure.has('pg') || app === '@wb-assist/web').toBe(true);
    const forbidden = [...closure.entries()]
      .filter(
        ([name]) =>
          toolingNames.includes(name) || name === 'embedded-postgres' || name.startsWith('@embedded-postgres/'),
      )
      .map(([, chain]) => chain.join(' → '));
    expect(forbidden).toEqual([]);
  });

  it('would catch tooling in production dependencies', () => {
    const db = workspaces.get('@wb-assist/db')!.manifest;
    const saved = db.dependencies;
    db.dependencies = { ...saved, '@wb-assist/embedded-postgres': '*' };
    try {
      expect(productionClosure('@wb-assist/worker').get('embedded-postgres')).toEqual([
        '@wb-assist/worker',
        '@wb-assist/db',
        '@wb-assist/embedded-postgres',
        'embedded-postgres',
      ]);
    } finally {
      db.dependencies = saved;
    }
  });

  it('the Dockerfile removes tooling and bench before pruning dev dependencies', () => {
    const dockerfile = fs.readFileSync(path.join(repoRoot, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/rm -rf tooling bench \\\s*\n\s*&& npm prune --omit=dev/);
  });
});
