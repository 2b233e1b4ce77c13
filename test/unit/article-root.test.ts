import { beforeEach, describe, expect, it } from 'vitest';
import { findArticleRoot, findArticleRoots, findMainText } from '../../entrypoints/content/article-root';
import { blockText, walkTextBlocks } from '../../entrypoints/content/text-blocks';

const PROSE_EN =
  'Officials said on Monday that the provincial plan would add support for factories, ports and farms, and that details would follow.';
const PROSE_ZH = '本周，省里召开推介会，介绍了新一轮支持制造业、港口和农业发展的政策，相关细则将于下月公布。';

const texts = (root: Element) => [...walkTextBlocks(root)].map((b) => blockText(b).replace(/\s+/g, ' ').trim());

describe('findArticleRoot on pages without article markup', () => {
  beforeEach(() => {
    document.title = 'Ports and farms get support - Example News';
  });

  it.each<[string, string, string]>([
    [
      'English portal: the story, not the link lists',
      `<div class="top"><a href="/a">Guangdong</a> <a href="/b">Zhejiang</a> <a href="/c">Sichuan</a></div>
       <div id="story"><p>${PROSE_EN}</p><p>${PROSE_EN}</p><p>${PROSE_EN}</p></div>
       <div class="links"><p><a href="/1">${PROSE_EN}</a></p><p><a href="/2">${PROSE_EN}</a></p></div>`,
      'story',
    ],
    [
      'Chinese portal: the text, not the list of sites',
      `<div class="sites"><div>http://www.example.gov.cn/ 太原市 http://www.example2.gov.cn/ 大同市 http://www.example3.gov.cn/ 朔州市 http://www.example4.gov.cn/ 忻州市</div></div>
       <div id="con"><p>${PROSE_ZH}</p><p>${PROSE_ZH}</p></div>`,
      'con',
    ],
    [
      'a feed of posts: their parent',
      `<div id="feed"><div><p>${PROSE_EN}</p></div><div><p>${PROSE_EN}</p></div><div><p>${PROSE_EN}</p></div></div>`,
      'feed',
    ],
  ])('%s', (_name, html, id) => {
    document.body.innerHTML = html;
    expect(findMainText(document.body)?.id).toBe(id);
    expect(findArticleRoot(document).id).toBe(id);
  });

  it('prefers article markup when there is one', () => {
    document.body.innerHTML = `<div><p>${PROSE_EN}</p></div><article id="a"><p>Short.</p></article>`;
    expect(findArticleRoot(document).id).toBe('a');
  });

  it('adds the headline when it sits apart from the text', () => {
    document.body.innerHTML = `<div class="head"><div class="article-title">Ports and farms get support</div></div>
      <div class="menu"><ul>${'<li><a href="/x">A long menu entry about something</a></li>'.repeat(30)}</ul></div>
      <div id="text"><p>${PROSE_EN}</p><p>${PROSE_EN}</p></div>`;
    expect(findArticleRoots(document).map((e) => e.id || e.className)).toEqual(['article-title', 'text']);
  });
});

describe('walkTextBlocks leaves site furniture out', () => {
  it.each<[string, string, string[]]>([
    ['a list of links', '<ul><li><a href="/1">Hangzhou opens a lab</a></li><li><a href="/2">Ningbo port</a></li></ul><p>Ningbo grows.</p>', ['Ningbo grows.']],
    ['a "read more" line', '<p>Read more: <a href="/x">Alibaba plans a Hong Kong listing</a></p><p>Hong Kong rose.</p>', ['Hong Kong rose.']],
    ['a paragraph with a link in it', '<p>In <a href="/gd">Guangdong</a>, factories are hiring again this spring.</p>', ['In Guangdong, factories are hiring again this spring.']],
    ['a headline that is a link', '<h1><a href="/s">Guangdong hires</a></h1>', ['Guangdong hires']],
    ['reader comments', '<div class="comment-list"><p>user 河北 衡水</p></div><p>正文。</p>', ['正文。']],
    ['related stories', '<div class="related"><p>Hubei story</p></div><p>Text.</p>', ['Text.']],
    ['a related-article body is the article', '<div class="related-article"><p>Text.</p></div>', ['Text.']],
    ['hidden markup', '<div hidden><p>Menu: Hunan</p></div><div style="display: none">Tibet</div><p>Text.</p>', ['Text.']],
  ])('%s', (_name, html, expected) => {
    document.body.innerHTML = `<div id="root">${html}</div>`;
    expect(texts(document.getElementById('root') as Element).filter((t) => t !== '')).toEqual(expected);
  });
});
