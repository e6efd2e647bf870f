export { startTelegramFake } from './server.ts';
export type { ChatMessage, TelegramFake, TelegramFakeControl, TelegramFakeOptions } from './server.ts';
export { defaultLimits } from './types.ts';
export type {
  ApiResponse,
  CallbackQuery,
  Chat,
  Limits,
  Message,
  PhotoSize,
  RecordedCall,
  Update,
  User,
} from './types.ts';
