import fs from 'node:fs';
import path from 'node:path';
import { concurrently, type ConcurrentlyCommandInput } from 'concurrently';
import { databaseEnv, loadEnv, repoRoot, runtimeEnv } from '@wb-assist/config';
import { prepareDatabaseOrExit } from '@wb-assist/db';

// `npm start`: every app that exists, in one terminal, on the embedded defaults unless
// DATABASE_URL says otherwise. The database comes first and goes last.

const COLORS = ['cyan', 'magenta', 'green', 'yellow', 'blue', 'red'];
const say = (message: string) => process.stdout.write(`\x1b[90m[start]\x1b[0m ${message}\n`);

interface App {
  name: string;
  dir: string;
  start: string;
}

function discoverApps(): App[] {
  const appsDir = path.join(repoRoot, 'apps');
  return fs
    .readdirSync(appsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(appsDir, entry.name, 'package.json')))
    .map((entry) => {
      const dir = path.join(appsDir, entry.name);
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
      return { name: entry.name, dir, start: pkg.scripts?.start as string | undefined };
    })
    .filter((app): app is App => typeof app.start === 'string');
}

const env = loadEnv([runtimeEnv, databaseEnv]);
const database = await prepareDatabaseOrExit(env, {
  info: say,
  fatal: (message) => process.stderr.write(`${message}\n`),
});

const apps = discoverApps();
const commands: ConcurrentlyCommandInput[] = apps.map((app) => ({
  name: app.name,
  // exec: the app itself receives our signals, not a shell in between.
  command: `exec ${app.start}`,
  cwd: app.dir,
  env: { DATABASE_URL: database.url, LOG_FORMAT: process.env.LOG_FORMAT ?? 'pretty' },
}));
say(`starting ${apps.map((app) => app.name).join(', ')}; Ctrl-C stops everything`);

const { result, commands: running } = concurrently(commands, {
  prefix: 'name',
  prefixColors: COLORS,
  killOthersOn: ['failure'],
  // Apps get SIGTERM from us, not only the terminal's SIGINT: same clean shutdown either way.
  killSignal: 'SIGTERM',
  cwd: repoRoot,
});

// The terminal's Ctrl-C reaches the apps too; `kill <launcher pid>` reaches only us. Either
// way every app gets SIGTERM and we wait for all of them before stopping the database.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping ${apps.map((app) => app.name).join(', ')}`);
    for (const command of running) command.kill('SIGTERM');
  });
}

let exitCode = 0;
try {
  await result;
} catch {
  exitCode = process.exitCode === undefined ? 1 : Number(process.exitCode);
}
if (database.embedded) say('stopping the embedded PostgreSQL');
await database.stop();
say('stopped');
process.exit(exitCode);
