import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { telegramHtml } from './telegram-html';

const html = (source: string) => renderToStaticMarkup(createElement('p', null, telegramHtml(source)));

describe('telegramHtml', () => {
  it('draws the tags Telegram allows', () => {
    expect(html('<b>Новый заказ</b>\n<i>курсив</i> <u>u</u> <s>s</s> <code>A-1</code> <pre>x</pre>')).toBe(
      '<p><b>Новый заказ</b>\n<i>курсив</i> <u>u</u> <s>s</s> <code>A-1</code> <pre>x</pre></p>',
    );
    expect(html('<strong>a</strong><em>b</em><ins>c</ins><del>d</del><strike>e</strike>')).toBe(
      '<p><b>a</b><i>b</i><u>c</u><s>d</s><s>e</s></p>',
    );
    expect(html('<tg-spoiler>тайна</tg-spoiler><span class="tg-spoiler">ещё</span>')).toBe(
      '<p><span class="tg-spoiler">тайна</span><span class="tg-spoiler">ещё</span></p>',
    );
  });

  it('opens web links in a new tab, without the page behind it', () => {
    expect(html('<a href="https://www.wildberries.ru/catalog/1/detail.aspx">Открыть</a>')).toBe(
      '<p><a href="https://www.wildberries.ru/catalog/1/detail.aspx" target="_blank" rel="noopener noreferrer nofollow">Открыть</a></p>',
    );
  });

  it('keeps the text of anything else and none of its markup: no script, handler or style reaches the page', () => {
    expect(html('<a href="javascript:alert(1)">ссылка</a>')).toBe('<p>ссылка</p>');
    expect(html('<img src=x onerror="alert(1)">после')).toBe('<p>после</p>');
    expect(html('<b onclick="alert(1)" style="color:red">жирный</b>')).toBe('<p><b>жирный</b></p>');
    expect(html('<script>alert(1)</script><div>текст</div>')).toBe('<p>текст</p>');
    expect(html('<iframe src="https://evil.example"></iframe>ok')).toBe('<p>ok</p>');
  });

  it('decodes entities once: an escaped tag is shown as text, never parsed', () => {
    expect(html('5 &lt; 7 &amp;&amp; &lt;b&gt;не жирный&lt;/b&gt;')).toBe(
      '<p>5 &lt; 7 &amp;&amp; &lt;b&gt;не жирный&lt;/b&gt;</p>',
    );
  });
});
