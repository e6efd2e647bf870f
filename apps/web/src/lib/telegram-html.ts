import { ElementType, parseDocument } from 'htmlparser2';
import { createElement, Fragment, type ReactNode } from 'react';

type DomNode = ReturnType<typeof parseDocument>['children'][number];

/**
 * Telegram's HTML parse mode, each allowed tag drawn as the element that shows it. Anything
 * else keeps its text and loses the tag; nothing is ever set as HTML, so no attribute, event
 * handler or script of a message reaches the page.
 */
const TAGS: Record<string, string> = {
  b: 'b',
  strong: 'b',
  i: 'i',
  em: 'i',
  u: 'u',
  ins: 'u',
  s: 's',
  strike: 's',
  del: 's',
  code: 'code',
  pre: 'pre',
  blockquote: 'blockquote',
};

/** Tags whose content is not text a reader should see (script and style are node types of their own). */
const DROPPED = new Set(['template', 'noscript', 'textarea', 'title']);

/** Links Telegram would open: the web and Telegram's own; `javascript:` and the like are text. */
function safeHref(href: string | undefined): string | null {
  if (!href) return null;
  try {
    const url = new URL(href);
    return ['http:', 'https:', 'tg:'].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

function render(nodes: DomNode[], prefix: string): ReactNode[] {
  return nodes.map((node, index) => {
    const key = `${prefix}.${index}`;
    if (node.type === ElementType.Text) return node.data;
    // Comments, directives, CDATA, <script> and <style>: nothing to show.
    if (node.type !== ElementType.Tag || DROPPED.has(node.name)) return null;
    const children = render(node.children, key);
    if (node.name === 'a') {
      const href = safeHref(node.attribs.href);
      if (href)
        return createElement('a', { key, href, target: '_blank', rel: 'noopener noreferrer nofollow' }, children);
    }
    if (node.name === 'tg-spoiler' || (node.name === 'span' && node.attribs.class === 'tg-spoiler')) {
      return createElement('span', { key, className: 'tg-spoiler' }, children);
    }
    const tag = TAGS[node.name];
    return tag ? createElement(tag, { key }, children) : createElement(Fragment, { key }, children);
  });
}

/** A bot message's text (Telegram HTML) as React nodes; entities are decoded once, as Telegram does. */
export function telegramHtml(source: string): ReactNode[] {
  return render(parseDocument(source, { decodeEntities: true, lowerCaseTags: true }).children, 'm');
}
