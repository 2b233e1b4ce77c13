import { afterEach, describe, expect, it } from 'vitest';
import { categories, cities, clusters, collisions, regions } from '../../data/dictionary';
import { DEFAULT_SETTINGS, type Settings } from '../../data/settings';
import { compileDictionary } from '../../entrypoints/content/matcher';
import { PageAnnotation } from '../../entrypoints/content/page-annotation';
import { isAboutChina, pageContext } from '../../entrypoints/content/page-topic';

const dictionary = compileDictionary({ regions, cities, categories, collisions, clusters });
const settings: Settings = { ...DEFAULT_SETTINGS, categories: {}, colors: {}, disabledSites: [], addedSites: [] };
const kinds = () => [...document.querySelectorAll('[data-fyp-kind]')].map((m) => `${m.getAttribute('data-fyp-kind')}:${m.getAttribute('data-fyp-id')}`);

describe('whether a page is about China', () => {
  it.each<[string, string, string, boolean]>([
    ['a story about another country', 'Regulator disputes airline account', '<p>The civil aviation authority said the jet was safe.</p>', false],
    ['China in the title', 'China expands civil aviation', '<p>The civil aviation authority said the jet was safe.</p>', true],
    ['a region in the article only', 'Airports get busier', '<p>Airlines add routes.</p><p>Hainan wants more civil aviation.</p>', true],
    ['Beijing for the government', 'Trade talks', '<p>Beijing said the tariffs would hurt semiconductors.</p>', true],
    ['Chinese, about another country', '民航部门回应', '<p>山地王国的民航部门表示飞机安全。</p>', false],
    ['Chinese, 我国', '民航发展', '<p>我国民航业快速发展。</p>', true],
  ])('%s', (_name, title, body, expected) => {
    document.title = title;
    document.body.innerHTML = `<article>${body}</article>`;
    const root = document.querySelector('article') as Element;
    expect(isAboutChina(dictionary, pageContext(document), root)).toBe(expected);
  });

  it('gives the matcher the title and a headline that says more', () => {
    document.title = 'Suzhou plans - Example';
    document.body.innerHTML = '<h1>Suzhou plans</h1><p>Text.</p>';
    expect(pageContext(document)).toBe('Suzhou plans - Example');
    document.body.innerHTML = '<h1>Suzhou, in northern Anhui, plans a park</h1><p>Text.</p>';
    expect(pageContext(document)).toBe('Suzhou plans - Example\nSuzhou, in northern Anhui, plans a park');
  });
});

describe('PageAnnotation on a page not about China', () => {
  let controller: AbortController;
  afterEach(() => controller.abort());

  it('marks no sector words there, and marks them once the page turns to China', async () => {
    document.title = 'Regulator disputes airline account';
    document.body.innerHTML = '<article><p>The civil aviation authority said the semiconductors in the jet were fine.</p></article>';
    controller = new AbortController();
    const page = new PageAnnotation({ doc: document, dictionary, categories, settings, signal: controller.signal });
    await page.start();
    expect(kinds()).toEqual([]);
    document.title = 'Hainan widens civil aviation';
    page.onLocationChange();
    await expect.poll(() => kinds()).toEqual(['sector:aerospace', 'sector:semiconductors']);
  });
});
