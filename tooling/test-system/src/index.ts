export { freePort } from '@wb-assist/db/testing';
export { appEnv, inheritedEnv } from './app-env.ts';
export { startProcess, type AppProcess, type ProcessOptions } from './app-process.ts';
export { repoRoot } from './repo-root.ts';
export { nextBin, startApi, startBot, startWeb, startWorker, webDir } from './start-apps.ts';
export { waitForHttp } from './wait-for-http.ts';
