import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { readMemory, type Memory } from './read-memory.ts';

/** One run of the program: a process id from its start to its end. */
export interface Incarnation {
  pid: number;
  startedAt: number;
  /** Memory once it answered /healthz. */
  atStart?: Memory;
  /** Memory just before it was killed or stopped. */
  atEnd?: Memory;
  endedAt?: number;
  /** How it ended: a planned SIGKILL, stopped at the end of the run, or on its own. */
  end?: 'killed' | 'stopped' | 'exited';
  exit?: string;
}

export interface SupervisedProcess {
  name: string;
  incarnations: Incarnation[];
  /** Starts it and waits until /healthz answers. */
  start(): Promise<void>;
  /** SIGKILL, as a fault: not restarted by the supervisor. */
  kill(): Promise<void>;
  /** SIGTERM (then SIGKILL after 15 s), at the end of the run. */
  stop(): Promise<void>;
  /** Resolves when /healthz answers (the process may have been restarted meanwhile). */
  healthy(timeoutMs: number): Promise<void>;
}

export interface SuperviseOptions {
  name: string;
  cwd: string;
  /** Node flags and the entry file. */
  args: string[];
  env: NodeJS.ProcessEnv;
  healthUrl: string;
  logFile: string;
  /** Pause before starting again a process that exited on its own. */
  restartDelayMs?: number;
}

const exitOf = (code: number | null, signal: NodeJS.Signals | null) => (signal ? `signal ${signal}` : `code ${code}`);

/**
 * A node process of the system under test, run the way a process manager (systemd, Docker's
 * restart policy) runs it: one that exits on its own is started again after a pause, and every
 * such exit is recorded, because in a soak an unplanned exit is a finding, not noise. A planned
 * kill (a fault) is not restarted here; the fault schedule decides when it comes back.
 */
export function superviseProcess(options: SuperviseOptions): SupervisedProcess {
  const incarnations: Incarnation[] = [];
  let child: ChildProcess | undefined;
  let planned = false;
  let stopping = false;

  const spawnOnce = () => {
    const log = fs.openSync(options.logFile, 'a');
    const started = spawn(process.execPath, options.args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', log, log],
    });
    fs.closeSync(log);
    const incarnation: Incarnation = { pid: started.pid!, startedAt: Date.now() };
    incarnations.push(incarnation);
    child = started;
    planned = false;
    started.once('exit', (code, signal) => {
      incarnation.endedAt = Date.now();
      incarnation.exit = exitOf(code, signal);
      incarnation.end ??= 'exited';
      if (child === started) child = undefined;
      if (planned || stopping) return;
      fs.appendFileSync(options.logFile, `\n[soak] ${options.name} exited on its own (${incarnation.exit})\n`);
      void sleep(options.restartDelayMs ?? 1_000).then(() => {
        if (!stopping && !child) {
          spawnOnce();
          void recordStartMemory().catch(() => undefined);
        }
      });
    });
    return started;
  };

  const healthy = async (timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const response = await fetch(options.healthUrl, { signal: AbortSignal.timeout(2_000) });
        if (response.ok) return;
      } catch {
        // not listening yet, or its database is away
      }
      if (Date.now() > deadline) throw new Error(`${options.name} did not answer ${options.healthUrl}`);
      await sleep(200);
    }
  };

  // Memory "at start" is taken once the process serves /healthz: booted, connected, idle.
  const recordStartMemory = async () => {
    const incarnation = incarnations.at(-1);
    await healthy(60_000);
    if (incarnation && incarnation.endedAt === undefined) incarnation.atStart = readMemory(incarnation.pid);
  };

  const end = async (signal: NodeJS.Signals, how: 'killed' | 'stopped') => {
    const running = child;
    if (!running) return;
    const incarnation = incarnations.at(-1)!;
    incarnation.atEnd = readMemory(incarnation.pid);
    incarnation.end = how;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill(signal);
    const timer = signal === 'SIGKILL' ? undefined : setTimeout(() => running.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };

  return {
    name: options.name,
    incarnations,
    async start() {
      stopping = false;
      spawnOnce();
      await recordStartMemory();
    },
    async kill() {
      planned = true;
      await end('SIGKILL', 'killed');
    },
    async stop() {
      stopping = true;
      planned = true;
      await end('SIGTERM', 'stopped');
    },
    healthy,
  };
}
