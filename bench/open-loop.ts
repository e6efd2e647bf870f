// The paced load of bench/graphql-orders.ts, shared by its raw Prisma reference (in the API's
// thread) and its GraphQL load (bench/graphql-orders-load.ts, in a worker), so both are timed
// by the same rule.
import { performance } from 'node:perf_hooks';

export interface OpenLoopResult {
  /** Sorted latencies in ms, each from when its call was due. */
  due: number[];
  /** Sorted latencies in ms, each from when this thread issued it; differs when it ran late. */
  issued: number[];
  /** Calls that answered null: sent and answered, but not with what was asked. */
  failures: number;
}

/**
 * Open loop: one call due every 1000/rate ms for `seconds`. Latency counts from the moment the
 * call was due, not from when the thread got round to issuing it: a call due while the thread
 * sat in a GC pause waits for that pause, just as a request arriving then waits in the socket.
 * Timed from the late start instead, the raw reference hid most of its own pauses
 * (coordinated omission). A timer can also fire up to a millisecond early (libuv keeps whole
 * milliseconds); such a call counts from its issue.
 * `call` resolves with the moment its answer was complete, or null for a wrong answer.
 */
export async function openLoop(
  rate: number,
  seconds: number,
  call: (n: number) => Promise<number | null>,
): Promise<OpenLoopResult> {
  const due: number[] = [];
  const issued: number[] = [];
  let failures = 0;
  const calls: Promise<void>[] = [];
  const started = performance.now();
  for (let n = 0; n < rate * seconds; n += 1) {
    const dueAt = started + (n * 1000) / rate;
    const wait = dueAt - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const at = performance.now();
    calls.push(
      call(n).then((end) => {
        if (end === null) {
          failures += 1;
          return;
        }
        due.push(end - Math.min(dueAt, at));
        issued.push(end - at);
      }),
    );
  }
  await Promise.all(calls);
  return { due: due.sort((a, b) => a - b), issued: issued.sort((a, b) => a - b), failures };
}
