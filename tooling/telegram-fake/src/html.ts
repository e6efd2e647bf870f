import { badRequest } from './api-error.ts';

// The tags Telegram's HTML parse mode understands; anything else is rejected as Telegram does.
const allowed = new Set([
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'span',
  'tg-spoiler',
  'a',
  'code',
  'pre',
  'blockquote',
  'tg-emoji',
]);

/** Checks tag balance and returns the visible text, whose length is what Telegram limits. */
export function parseHtml(source: string): string {
  const stack: string[] = [];
  for (const match of source.matchAll(/<(\/?)([a-zA-Z-]+)[^>]*>/g)) {
    const [, closing, rawName = ''] = match;
    const name = rawName.toLowerCase();
    const offset = Buffer.byteLength(source.slice(0, match.index));
    if (!closing) {
      if (!allowed.has(name))
        throw badRequest(`can't parse entities: Unsupported start tag "${name}" at byte offset ${offset}`);
      stack.push(name);
      continue;
    }
    const open = stack.pop();
    if (open !== name) {
      throw badRequest(
        open === undefined
          ? `can't parse entities: Unexpected end tag at byte offset ${offset}`
          : `can't parse entities: Unmatched end tag at byte offset ${offset}, expected "</${open}>", found "</${name}>"`,
      );
    }
  }
  const unclosed = stack.pop();
  if (unclosed !== undefined) {
    throw badRequest(`can't parse entities: Can't find end tag corresponding to start tag "${unclosed}"`);
  }
  return source.replace(/<[^>]*>/g, '').replace(/&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);/g, 'x');
}
