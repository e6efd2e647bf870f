import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));
let child: ReturnType<typeof spawn> | null = null;
afterEach(() => {
  child?.kill();
  child = null;
});

/** Starts the CLI and collects stdout until the demo token has been printed. */
function startCli(args: string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const lines = out.split('\n');
      if (lines.length >= 5) resolve(lines);
    });
    child.on('exit', (code) => reject(new Error(`cli exited with ${code}: ${out}`)));
  });
}

describe('cli', () => {
  it('prints its base URL and a demo token that reads a living shop', async () => {
    const lines = await startCli(['--port', '0', '--seed', '3', '--profile', 'fast', '--demo']);
    const url = /listening on (http:\/\/\S+)/.exec(lines[0] ?? '')?.[1];
    const token = lines[3]?.trim();
    expect(url).toBeDefined();
    expect(token?.split('.')).toHaveLength(3);
    const since = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
    const response = await fetch(`${url}/api/v1/supplier/orders?dateFrom=${since}`, {
      headers: { Authorization: token ?? '' },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as unknown[]).length).toBeGreaterThan(100);
  });
});
