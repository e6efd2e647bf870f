import { spawn, type ChildProcess } from 'node:child_process';
import { repoRoot } from './repo-root.ts';

export interface AppProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** Everything it wrote so far, stdout and stderr interleaved (lines prefixed with `[name] ` when asked). */
  output(): string;
  stdout(): string;
  stderr(): string;
  /** Its exit code (null when a signal ended it). */
  readonly exited: Promise<number | null>;
  /** Throws with everything it said if it has exited. */
  alive(): void;
  /** Resolves once its stdout contains `text`; rejects with its output if it exits first. */
  waitForOutput(text: string): Promise<void>;
  /** Sends `signal` (SIGTERM by default) and waits for the exit; at once when it has exited already. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface ProcessOptions {
  /** For messages and the optional output prefix. */
  name: string;
  /** Arguments of `node` (a script path relative to the repository root, flags), or of `command`. */
  args: string[];
  /** The full environment of the process. */
  env: NodeJS.ProcessEnv;
  /** Another program than this Node.js (Next.js' CLI). */
  command?: string;
  cwd?: string;
  /** Prefix every chunk of output with `[name] `, for tests that run several of one kind. */
  prefixOutput?: boolean;
}

/**
 * A program of ours as a real child process: its output kept for assertions and failure
 * messages, its exit awaited on stop. Every test that starts a process goes through here.
 */
export function startProcess(options: ProcessOptions): AppProcess {
  const child = spawn(options.command ?? process.execPath, options.args, {
    cwd: options.cwd ?? repoRoot,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = options.prefixOutput ? `[${options.name}] ` : '';
  let all = '';
  let out = '';
  let err = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk;
    all += prefix + chunk;
    for (const waiter of waiters.filter((w) => out.includes(w.text))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  });
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk;
    all += prefix + chunk;
  });
  // Its output is complete once its pipes close, which follows the exit; a grandchild that
  // inherited them (Next.js' workers) must not hold the stop up for long.
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      const timer = setTimeout(() => resolve(code), 1_000);
      child.once('close', () => {
        clearTimeout(timer);
        resolve(code);
      });
    }),
  );
  const hasExited = () => child.exitCode !== null || child.signalCode !== null;
  const describe = () => `${options.name} exited with code ${child.exitCode ?? child.signalCode}\n${all}`;

  return {
    name: options.name,
    child,
    output: () => all,
    stdout: () => out,
    stderr: () => err,
    exited,
    alive() {
      if (hasExited()) throw new Error(describe());
    },
    waitForOutput(text) {
      if (out.includes(text)) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        waiters.push({ text, resolve });
        void exited.then(() => reject(new Error(`${describe()}\n(before writing "${text}")`)));
      });
    },
    async stop(signal = 'SIGTERM') {
      if (!hasExited()) child.kill(signal);
      return exited;
    },
  };
}
