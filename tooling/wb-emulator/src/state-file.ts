import fs from 'node:fs';
import path from 'node:path';
import type { EmulatorState, Store } from './store.ts';

/**
 * Keeps the store's state in a JSON file, so keys the emulator issued keep working after a
 * restart (the demo's cabinets would turn key_invalid otherwise). A state already in the
 * file is restored first; then every change is written at once.
 */
export function persistStore(store: Store, file: string): void {
  const saved = readState(file);
  if (saved) store.restore(saved);
  const save = () => writeState(file, store.snapshot());
  store.onChange = save;
  // The signing key exists from the start: a token minted before any change must verify later.
  save();
}

function readState(file: string): EmulatorState | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return JSON.parse(text) as EmulatorState;
}

/** Written beside and renamed over: a crash mid-write leaves the previous state, never half a file. */
function writeState(file: string, state: EmulatorState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(state), { mode: 0o600 });
  fs.renameSync(temporary, file);
}
