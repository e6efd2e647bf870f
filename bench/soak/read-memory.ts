import fs from 'node:fs';

export interface Memory {
  /** Resident set now (VmRSS), MB. */
  rssMb: number;
  /** The highest resident set the process ever had (VmHWM), MB. */
  peakMb: number;
}

/** A process's memory from /proc/<pid>/status; undefined once it is gone. */
export function readMemory(pid: number): Memory | undefined {
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN) / 1024;
  const memory = { rssMb: field('VmRSS'), peakMb: field('VmHWM') };
  // A zombie has no memory lines left.
  return Number.isNaN(memory.rssMb) ? undefined : memory;
}
