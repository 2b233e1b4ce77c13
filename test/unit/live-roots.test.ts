import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { categories, cities, clusters, collisions, regions } from '../../data/dictionary';
import { DEFAULT_SETTINGS, type Settings } from '../../data/settings';
import { compileDictionary } from '../../entrypoints/content/matcher';
import { PageAnnotation } from '../../entrypoints/content/page-annotation';

const dictionary = compileDictionary({ regions, cities, categories, collisions, clusters });
const settings: Settings = { ...DEFAULT_SETTINGS, categories: {}, colors: {}, disabledSites: [], addedSites: [] };

// A live page without article markup: a feed of posts; the next view brings an <article>.
const FEED = `
  <div class="feed">
    <div class="post"><p>Posted at noon: Guangdong officials said factories in Shenzhen are adding industrial robots, and more lines will follow.</p></div>
    <div class="post"><p>Posted at one: Sichuan expects more flights to Chengdu, with new routes for the low-altitude economy this summer.</p></div>
  </div>`;

const ids = (root: ParentNode) => [...root.querySelectorAll('[data-fyp-kind]')].map((m) => m.getAttribute('data-fyp-id'));

describe('PageAnnotation on a live page that navigates', () => {
  let controller: AbortController;
  let page: PageAnnotation;

  beforeEach(async () => {
    document.title = 'Live: factories and flights';
    document.body.innerHTML = FEED;
    controller = new AbortController();
    page = new PageAnnotation({ doc: document, dictionary, categories, settings, signal: controller.signal });
    await page.start();
  });

  afterEach(() => controller.abort());

  it('keeps the marks of posts still on screen when the new view brings an article', async () => {
    const feed = document.querySelector('.feed') as Element;
    expect(ids(feed)).toEqual(['guangdong', 'shenzhen', 'robotics-intelligent-manufacturing', 'sichuan', 'chengdu', 'low-altitude-economy']);
    const article = document.createElement('article');
    article.innerHTML = '<h1>Zhejiang opens a port</h1><p>Ningbo will handle more containers, the Zhejiang government said on Friday.</p>';
    document.body.prepend(article);
    history.pushState({}, '', '/story/2');
    page.onLocationChange();
    await expect.poll(() => ids(article)).toEqual(['zhejiang', 'ningbo', 'zhejiang']);
    expect(ids(feed)).toEqual(['guangdong', 'shenzhen', 'robotics-intelligent-manufacturing', 'sichuan', 'chengdu', 'low-altitude-economy']);
    expect(page.results().mentions.map((m) => m.id)).toContain('guangdong');
  });

  it('drops the marks of content the new view removed', async () => {
    document.querySelector('.post')?.remove();
    const article = document.createElement('article');
    article.innerHTML = '<p>Fujian says Xiamen will add berths for cruise ships next year, officials said.</p>';
    document.body.append(article);
    page.onLocationChange();
    await expect.poll(() => ids(article)).toEqual(['fujian', 'xiamen']);
    const mentioned = page.results().mentions.map((m) => m.id);
    expect(mentioned).not.toContain('guangdong');
    expect(mentioned).toContain('sichuan');
  });
});
