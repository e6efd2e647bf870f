import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { knownVariables } from './all.ts';
import { repoRoot } from './runtime.ts';

const read = (file: string) => fs.readFileSync(path.join(repoRoot, file), 'utf8');

describe('.env.example', () => {
  const documented = read('.env.example')
    .split('\n')
    .map((line) => /^([A-Z][A-Z0-9_]*)=/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined);

  it('documents every variable the apps read, and nothing else', () => {
    expect([...documented].sort()).toEqual([...knownVariables()].sort());
  });

  it('documents each variable once', () => {
    expect(new Set(documented).size).toBe(documented.length);
  });
});

describe('docker-compose.yml', () => {
  // merge: compose files share variables through YAML merge keys (<<: *app-env).
  const compose = parse(read('docker-compose.yml'), { merge: true }) as {
    services: Record<string, { build?: unknown; environment?: Record<string, unknown> }>;
  };
  const ours = Object.entries(compose.services).filter(([, service]) => service.build !== undefined);

  it('runs our apps from our Dockerfile', () => {
    expect(ours.map(([name]) => name)).toEqual(expect.arrayContaining(['api', 'worker']));
  });

  it('passes our apps only variables the env schemas know', () => {
    const known = knownVariables();
    for (const [name, service] of ours) {
      const unknown = Object.keys(service.environment ?? {}).filter((variable) => !known.has(variable));
      expect(unknown, `service ${name}`).toEqual([]);
    }
  });

  it('passes no production service the demo login, which production refuses to start with', () => {
    for (const [name, service] of ours) {
      if (service.environment?.NODE_ENV !== 'production') continue;
      expect(Object.keys(service.environment), `service ${name}`).not.toContain('DEMO_LOGIN_TELEGRAM_ID');
    }
  });

  it('interpolates only variables the env schemas know', () => {
    const referenced = [...read('docker-compose.yml').matchAll(/\$\{([A-Z][A-Z0-9_]*)/g)].map((match) => match[1]);
    const known = knownVariables();
    expect(referenced.filter((variable) => variable && !known.has(variable))).toEqual([]);
  });
});
