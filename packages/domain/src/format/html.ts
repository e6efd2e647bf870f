/**
 * Escapes text for Telegram's HTML parse mode. Every string that comes from WB or a buyer
 * (names, articles, review text) goes through here: a stray "<" would make Telegram reject
 * the whole message.
 */
export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
