import fs from 'node:fs';
import path from 'node:path';
import { concurrently, type ConcurrentlyCommandInput } from 'concurrently';
import {
  cryptoEnv,
  databaseEnv,
  loadEnv,
  repoRoot,
  resolveSecrets,
  runtimeEnv,
  syncEnv,
  telegramEnv,
  webEnv,
} from '@wb-assist/config';
import { prepareDatabaseOrExit } from '@wb-assist/db';
import { DEMO_TELEGRAM_ID, startDemo, type RunningDemo } from './demo.ts';
import { waitUntilAnswers } from './wait-until-answers.ts';

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

const env = loadEnv([runtimeEnv, databaseEnv, cryptoEnv, telegramEnv, webEnv, syncEnv]);
const database = await prepareDatabaseOrExit(env, {
  info: say,
  fatal: (message) => process.stderr.write(`${message}\n`),
});

// Without a bot token and without WB hosts of its own, this is the demo: a living shop on the
// WB emulator, connected for a demo user, and the fake Bot API standing in for Telegram. With
// BOT_TOKEN (real mode) the apps talk to the real WB hosts and the real Telegram.
let demo: RunningDemo | null = null;
if (env.NODE_ENV !== 'production' && !env.BOT_TOKEN && !process.env.WB_STATISTICS_API_URL) {
  try {
    demo = await startDemo({
      databaseUrl: database.url,
      dataDir: env.DATA_DIR,
      encryptionKey: resolveSecrets(env).encryptionKey,
      fakeTelegram: true,
      say,
    });
  } catch (error) {
    process.stderr.write(`the demo could not start: ${(error as Error).message}\n`);
    await database.stop();
    process.exit(1);
  }
}

// Unless set, the public addresses follow the ports: a second copy on other ports (or the
// tests) must not point its dashboard at the first copy's API.
const publicWebUrl = process.env.PUBLIC_WEB_URL ?? `http://localhost:${env.WEB_PORT}`;
const publicApiUrl = process.env.PUBLIC_API_URL ?? `http://localhost:${env.API_PORT}`;

const apps = discoverApps();
const commands: ConcurrentlyCommandInput[] = apps.map((app) => ({
  name: app.name,
  // exec: the app itself receives our signals, not a shell in between.
  command: `exec ${app.start}`,
  cwd: app.dir,
  env: {
    DATABASE_URL: database.url,
    LOG_FORMAT: process.env.LOG_FORMAT ?? 'pretty',
    PUBLIC_WEB_URL: publicWebUrl,
    PUBLIC_API_URL: publicApiUrl,
    // The worker finds the bot wherever BOT_PORT put it.
    BOT_INTERNAL_URL: process.env.BOT_INTERNAL_URL ?? `http://127.0.0.1:${env.BOT_PORT}`,
    ...demo?.env,
  },
}));
say(`starting ${apps.map((app) => app.name).join(', ')}; Ctrl-C stops everything`);
const host = env.HOST === '0.0.0.0' ? '127.0.0.1' : env.HOST;
const banner = () => [
  `dashboard:  ${publicWebUrl}${demo ? '  (log in with «Войти в демо»)' : ''}`,
  `GraphQL:    ${publicApiUrl}/graphql`,
  `metrics:    http://${host}:${env.API_PORT}/metrics (api), :${env.WORKER_PORT}/metrics (worker), :${env.BOT_PORT}/metrics (bot)`,
  ...(demo
    ? [
        `WB emulator: ${demo.emulatorUrl} (demo shop «ИП Демонстрационный магазин»)`,
        `Telegram:   fake Bot API at ${demo.telegramUrl}; the demo user's messages: ${demo.telegramUrl}/__control/messages?chat_id=${DEMO_TELEGRAM_ID}`,
        `            the chat with the bot in the dashboard: ${publicWebUrl}/telegram`,
      ]
    : []),
];

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

// The banner once the dashboard answers, not before: its first build takes a while, and an
// address printed earlier would lead to a refused connection.
void waitUntilAnswers(`http://${host}:${env.WEB_PORT}/login`, { stopped: () => stopping }).then((ready) => {
  if (ready) for (const line of banner()) say(line);
});

let exitCode = 0;
try {
  await result;
} catch {
  exitCode = process.exitCode === undefined ? 1 : Number(process.exitCode);
}
await demo?.stop();
if (database.embedded) say('stopping the embedded PostgreSQL');
await database.stop();
say('stopped');
process.exit(exitCode);
