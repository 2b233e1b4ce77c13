import { describe, expect, it } from 'vitest';
import type { PageResults } from '../../data/protocol';
import { DEFAULT_SETTINGS, type Settings } from '../../data/settings';
import { factsFor, viewFor } from '../../components/popup/popup-state';

const demo = 'chrome-extension://abc/demo.html';
const settings = (patch: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...patch });
const ready: PageResults = { url: '', title: '', state: 'ready', mentions: [] };
const off: PageResults = { ...ready, state: 'off' };

describe('factsFor', () => {
  it.each([
    ['https://news.cgtn.com/a', { restricted: false, listed: true, site: 'news.cgtn.com', demo: false }],
    ['https://www.scmp.com/a', { restricted: false, listed: true, site: 'scmp.com', demo: false }],
    ['https://blog.example.org/a', { restricted: false, listed: false, site: 'blog.example.org', demo: false }],
    ['chrome://settings', { restricted: true, listed: false, site: null, demo: false }],
    ['https://chromewebstore.google.com/detail/x', { restricted: true }],
    [demo, { restricted: false, listed: true, demo: true }],
  ])('%s', (url, expected) => {
    expect(factsFor(url, settings(), demo)).toMatchObject(expected);
  });

  it('counts a site the user added as listed', () => {
    expect(factsFor('https://blog.example.org/a', settings({ addedSites: ['example.org'] }), demo).listed).toBe(true);
  });
});

describe('viewFor', () => {
  const url = 'https://www.scmp.com/a';
  const facts = factsFor(url, settings(), demo);

  it('shows the results when the page answered "ready"', () => {
    expect(viewFor(facts, settings(), ready, url)).toEqual({ kind: 'ready', results: ready });
  });

  it('says why highlighting is off: everywhere, this site, or this tab', () => {
    expect(viewFor(facts, settings({ enabled: false }), off, url)).toMatchObject({ kind: 'off', reason: 'everywhere' });
    expect(viewFor(facts, settings({ disabledSites: ['scmp.com'] }), off, url)).toMatchObject({ kind: 'off', reason: 'site', site: 'scmp.com' });
    expect(viewFor(facts, settings(), off, url)).toMatchObject({ kind: 'off', reason: 'tab' });
  });

  it('tells an unlisted site from a listed page without an answer', () => {
    const other = 'https://blog.example.org/a';
    expect(viewFor(factsFor(other, settings(), demo), settings(), undefined, other)).toEqual({ kind: 'not-listed', site: 'blog.example.org' });
    expect(viewFor(facts, settings(), undefined, url)).toEqual({ kind: 'not-running', site: 'scmp.com' });
  });

  it('explains restricted pages', () => {
    expect(viewFor(factsFor('chrome://newtab', settings(), demo), settings(), undefined, 'chrome://newtab')).toMatchObject({ kind: 'restricted' });
  });
});
