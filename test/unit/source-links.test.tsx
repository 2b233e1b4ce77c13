/**
 * Sources users can open: which sources are offered as links (one rule, from the kind the data
 * records), how the others are shown, and the data's links themselves (https: unless the host
 * is a listed exception).
 */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { categories, sources } from '../../data';
import prefectures from '../../data/prefectures.json';
import { GRADE_OF_KIND, SOURCE_KINDS, type Source, type SourceKind } from '../../data/schema';
import { HTTP_ONLY_HOSTS, isLinkedSource, unlinkedSourceNote } from '../../data/source-links';
import { appData } from '../../components/popup/app-data';
import { briefingMarkdown } from '../../components/popup/markdown';
import { PopupContext, type PopupData } from '../../components/popup/popup-context';
import { SourceList } from '../../components/popup/SourceList';
import { summarizePage } from '../../components/popup/summarize';
import { articleResults, meta, testData } from './popup-test-data';

const COPIES: readonly SourceKind[] = ['mirror', 'aggregator', 'machine-summary'];

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

function showSources(data: PopupData, ids: readonly string[]): HTMLElement {
  render(
    <PopupContext.Provider value={{ data, palette: new Map() }}>
      <SourceList ids={ids} />
    </PopupContext.Provider>,
    root,
  );
  return root;
}

describe('which sources are links', () => {
  it.each(COPIES)('a %s is not linked: it is someone else’s copy or rendering of the document', (kind) => {
    expect(isLinkedSource({ kind })).toBe(false);
  });

  it.each(SOURCE_KINDS.filter((k) => GRADE_OF_KIND[k] !== 'low'))('a %s source (graded high or medium) is linked', (kind) => {
    expect(isLinkedSource({ kind })).toBe(true);
  });

  it('of the low kinds, only an author’s own publication is linked (self-media, press release)', () => {
    const linkedLow = SOURCE_KINDS.filter((k) => GRADE_OF_KIND[k] === 'low' && isLinkedSource({ kind: k }));
    expect(linkedLow.sort()).toEqual(['press-release', 'self-media']);
  });
});

describe('SourceList', () => {
  const mirror: Source = {
    id: 'zj-mirror',
    title: 'Zhejiang outline, copied',
    publisher: 'Mirror of Zhejiang Daily',
    date: '2026-02-07',
    url: 'http://spam.example/zj',
    reliability: 'low',
    kind: 'mirror',
    stages: ['outline'],
    regions: ['zhejiang'],
  };
  const summary: Source = { ...mirror, id: 'zj-summary', title: 'Zhejiang in brief', publisher: 'Reportify', url: 'https://summaries.example/1', kind: 'machine-summary' };
  const data: PopupData = { ...testData, sourceById: new Map([...testData.sourceById, [mirror.id, mirror], [summary.id, summary]]) };

  it('links the publisher’s document and names a mirror and a machine summary as text, without their address', () => {
    showSources(data, ['zj-outline', 'zj-mirror', 'zj-summary']);
    const links = [...root.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.gov.cn/zj']);
    expect(links[0]!.getAttribute('data-source')).toBe('zj-outline');

    const copy = root.querySelector('[data-source="zj-mirror"]')!;
    expect(copy.tagName).toBe('SPAN');
    expect(copy.textContent).toBe('Mirror of Zhejiang Daily, 7 Feb 2026: Zhejiang outline, copied (copy on a mirror site, low reliability, not linked)');
    expect(copy.querySelector('cite')!.textContent).toBe('Zhejiang outline, copied');
    expect(root.querySelector('[data-source="zj-summary"] .source-grade')!.textContent).toBe('(machine-written summary, low reliability, not linked)');
    expect(root.innerHTML).not.toContain('spam.example');
    expect(root.innerHTML).not.toContain('summaries.example');
  });

  it('keeps linking low sources that are their author’s own (a self-media post)', () => {
    showSources(data, ['blog']);
    expect(root.querySelector('a')!.getAttribute('href')).toBe('https://blog.example/post');
  });

  it('says the copy is not linked in the copied Markdown summary too', () => {
    const plan = testData.planByRegion.get('zhejiang')!;
    const item = { ...plan.items[0]!, sources: ['zj-outline', 'zj-mirror'] };
    const markdown = briefingMarkdown({
      title: 'T',
      url: articleResults.url,
      summary: summarizePage(articleResults, testData),
      planByRegion: new Map([...testData.planByRegion, ['zhejiang', { ...plan, items: [item] }]]),
      categories: testData.categories,
      sourceById: data.sourceById,
      meta,
    });
    expect(markdown).toContain(
      '[Zhejiang Government, 20 Jan 2026](https://example.gov.cn/zj); Mirror of Zhejiang Daily, 7 Feb 2026: Zhejiang outline, copied (copy on a mirror site, low reliability, not linked))',
    );
    expect(markdown).not.toContain('spam.example');
  });

  it('words the note from the kind and grade', () => {
    expect(unlinkedSourceNote({ kind: 'aggregator', reliability: 'low' })).toBe('aggregator copy, low reliability, not linked');
  });
});

describe('the data’s sources as users see them', () => {
  it('renders every linked source as a link to its URL and no mirror, aggregator or machine summary as one', () => {
    showSources(appData, sources.map((s) => s.id));
    const linked = sources.filter(isLinkedSource);
    const copies = sources.filter((s) => !isLinkedSource(s));
    expect(copies.length).toBeGreaterThan(0);
    expect(copies.every((s) => COPIES.includes(s.kind) && s.reliability === 'low')).toBe(true);

    const anchors = [...root.querySelectorAll('a')];
    expect(anchors.map((a) => a.getAttribute('data-source'))).toEqual(linked.map((s) => s.id));
    expect(anchors.map((a) => a.getAttribute('href'))).toEqual(linked.map((s) => s.url));
    expect(anchors.filter((a) => COPIES.includes(a.getAttribute('data-kind') as SourceKind))).toEqual([]);

    const shownAsText = [...root.querySelectorAll('.source-unlinked')].map((el) => el.getAttribute('data-source'));
    expect(shownAsText).toEqual(copies.map((s) => s.id));
    for (const s of copies) expect(root.querySelector(`[data-source="${s.id}"]`)!.textContent, s.id).toContain(s.publisher);
  });

  it('records every source the data describes as a mirror, aggregator or machine summary as such a kind', () => {
    const described = /\bmirror|aggregat|\bAI summary|AI-written|machine summary/i;
    const linkedAnyway = sources
      .filter((s) => described.test(`${s.publisher} ${s.title}`) && isLinkedSource(s))
      .map((s) => `${s.id} (${s.kind}): ${s.publisher}`);
    expect(linkedAnyway).toEqual([]);
  });
});

describe('the data’s URLs', () => {
  const hostOf = (url: string) => new URL(url).host;

  it('uses https: for every linked source, except on the listed http-only hosts', () => {
    const plain = sources
      .filter((s) => isLinkedSource(s) && new URL(s.url).protocol !== 'https:')
      .filter((s) => !(hostOf(s.url) in HTTP_ONLY_HOSTS))
      .map((s) => `${s.id}: ${s.url}`);
    expect(plain).toEqual([]);
  });

  it('lists only hosts a linked source still reaches over http:, each with a reason', () => {
    const used = new Set(sources.filter((s) => isLinkedSource(s) && s.url.startsWith('http:')).map((s) => hostOf(s.url)));
    for (const [host, reason] of Object.entries(HTTP_ONLY_HOSTS)) {
      expect(used.has(host), `${host} has no linked http: source left`).toBe(true);
      expect(reason.length, host).toBeGreaterThan(10);
    }
  });

  it('uses https: for the sectors’ and the prefecture list’s own sources', () => {
    const urls = [
      ...categories.flatMap((c) => c.sectors.flatMap((s) => (s.source ? [s.source.url] : []))),
      ...prefectures.sources.map((s) => s.url),
    ];
    expect(urls.length).toBeGreaterThan(2);
    expect(urls.filter((u) => !u.startsWith('https:'))).toEqual([]);
  });
});
