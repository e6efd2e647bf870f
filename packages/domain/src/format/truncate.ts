const ELLIPSIS = '…';

/**
 * Shortens text to at most `max` characters, the last being "…". Never splits a surrogate
 * pair: half an emoji is invalid UTF-8 and Telegram refuses the message.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return ELLIPSIS;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end).trimEnd() + ELLIPSIS;
}
