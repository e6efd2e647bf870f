const ELLIPSIS = '…';
/** How far back a cut may move to land between words instead of inside one. */
const WORD_BACKTRACK = 15;

/**
 * Shortens text to at most `max` characters, the last being "…", preferring a word boundary
 * close to the limit. Never splits a surrogate pair: half an emoji is invalid UTF-8 and
 * Telegram refuses the message.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return ELLIPSIS;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  const space = text.lastIndexOf(' ', end);
  if (space > 0 && space >= end - WORD_BACKTRACK) end = space;
  return text.slice(0, end).trimEnd() + ELLIPSIS;
}
