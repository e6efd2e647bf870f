import { createLogger } from '@wb-assist/logger';
import { startWorkerApp } from '../app.ts';
import { loadWorkerEnv } from '../env.ts';

// The real worker app with pg-boss's timings and the delivery lease shortened, so a process
// killed mid-job is noticed within seconds rather than a minute (chaos test).
const env = loadWorkerEnv();
const app = await startWorkerApp({
  env,
  // Errors only, unless the caller asks for more (the soak does: it reads the logs back).
  logger: createLogger({ name: 'chaos-worker', level: process.env.LOG_LEVEL ? env.LOG_LEVEL : 'error' }),
  tuning: {
    tickSeconds: 0.5,
    pollingIntervalSeconds: 0.5,
    heartbeatSeconds: 10,
    superviseIntervalSeconds: 1,
    retry: { limit: 1000, delaySeconds: 1, delayMaxSeconds: 2 },
  },
  deliveryLeaseSeconds: 3,
});
process.stdout.write('started\n');
process.on('SIGTERM', () => void app.stop().then(() => process.exit(0)));
