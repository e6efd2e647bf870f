// node tooling/wb-emulator/src/cli.ts --port 9000 --seed 1 --profile real|fast --demo [--state file.json]
import { parseArgs } from 'node:util';
import { startEmulator } from './index.ts';
import { startDemo } from './demo.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '9000' },
    host: { type: 'string', default: '127.0.0.1' },
    seed: { type: 'string', default: '1' },
    profile: { type: 'string', default: 'real' },
    demo: { type: 'boolean', default: false },
    'page-limit': { type: 'string' },
    'publish-interval': { type: 'string' },
    // Keeps sellers and issued keys across restarts (see state-file.ts).
    state: { type: 'string' },
  },
});

const profile = values.profile === 'fast' ? 'fast' : 'real';
const emulator = await startEmulator({
  port: Number(values.port),
  host: values.host,
  seed: Number(values.seed),
  profile,
  pageLimit: values['page-limit'] === undefined ? undefined : Number(values['page-limit']),
  publishIntervalMinutes: values['publish-interval'] === undefined ? undefined : Number(values['publish-interval']),
  stateFile: values.state,
});

process.stdout.write(
  `WB emulator listening on ${emulator.url} (sandbox ${emulator.sandboxUrl}, profile ${profile}, seed ${values.seed})\n`,
);
if (values.demo) {
  const demo = startDemo(emulator.store);
  process.stdout.write(`demo seller ${demo.sid}\ndemo token (personal, all categories):\n${demo.token}\n`);
}

const stop = () => void emulator.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
