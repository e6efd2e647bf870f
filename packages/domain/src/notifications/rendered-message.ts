/** An inline keyboard button: a link (url) or a bot action (callbackData). */
export interface InlineButton {
  text: string;
  url?: string;
  callbackData?: string;
}

/** One Telegram message: sendPhoto with `text` as caption when photoUrl is set, else sendMessage. */
export interface RenderedMessage {
  text: string;
  photoUrl: string | null;
  parseMode: 'HTML';
  buttons: InlineButton[][];
}

export interface RenderOptions {
  /** IANA zone for times; Moscow by default. */
  timeZone?: string;
  /** Put into the mute button, since settings are per user and cabinet. */
  cabinetId?: string;
}
