import type { Keyboard } from '../telegram/port.ts';

/** What one menu page shows: drawn as a new message or over the message whose button was pressed. */
export interface Screen {
  text: string;
  keyboard: Keyboard;
}

/** The viewer of a screen: who, in which zone, looking at which cabinet. */
export interface Viewer {
  userId: string;
  chatId: number;
  timeZone: string;
  cabinet: { id: string; name: string; status: string; criticalStockThreshold: number };
}
