import { describe, expect, it } from 'vitest';
import { countLabel, summarizePage } from '../../components/popup/summarize';
import { groupPlan, relatedNational } from '../../components/popup/plan-groups';
import { formatDate } from '../../data/labels';
import { articleResults, categories, national, plans, testData } from './popup-test-data';

describe('summarizePage', () => {
  const summary = summarizePage(articleResults, testData);

  it('orders regions by mentions, a city counting for its region', () => {
    expect(summary.regions.map((r) => r.region.id)).toEqual(['zhejiang', 'guangdong']);
    expect(summary.regions.map((r) => r.countLabel)).toEqual([
      '3 mentions: Zhejiang ×2, Ningbo',
      '2 mentions: Guangdong, Shenzhen',
    ]);
  });

  it('breaks ties by first mention', () => {
    const tie = summarizePage(
      {
        mentions: [
          { kind: 'region', id: 'shanghai', region: 'shanghai', text: 'Shanghai', sentence: 'a', block: 0 },
          { kind: 'region', id: 'guangdong', region: 'guangdong', text: 'Guangdong', sentence: 'b', block: 1 },
        ],
      },
      testData,
    );
    expect(tie.regions.map((r) => r.region.id)).toEqual(['shanghai', 'guangdong']);
    expect(tie.regions[0]?.countLabel).toBe('1 mention: Shanghai');
  });

  it('keeps each sentence once, in page order, as given', () => {
    expect(summary.regions[0]?.sentences).toEqual([
      'Zhejiang bets on computing power.',
      'Ningbo builds <b>ports</b> & <img src=x onerror=alert(1)>.',
      'Later, Zhejiang adds hydrogen and AI.',
    ]);
  });

  it('says how many sentences the page\'s results left out, per region', () => {
    expect(summary.regions.map((r) => r.sentencesLeftOut)).toEqual([0, 0]);
    const capped = summarizePage({ ...articleResults, sentencesLeftOut: { guangdong: 7 } }, testData);
    expect(capped.regions.map((r) => [r.region.id, r.sentencesLeftOut])).toEqual([
      ['zhejiang', 0],
      ['guangdong', 7],
    ]);
  });

  it('counts sectors on the page, most first', () => {
    expect(summary.sectors.map((s) => [s.id, s.count, s.category])).toEqual([
      ['ai', 2, 'digital'],
      ['computing', 1, 'digital'],
      ['hydrogen', 1, 'energy'],
    ]);
  });

  it('counts paragraphs naming a region and a sector together', () => {
    expect(summary.grid.sectors.map((s) => s.id)).toEqual(['ai', 'computing', 'hydrogen']);
    expect(summary.grid.rows.map((r) => [r.region.id, r.cells])).toEqual([
      ['zhejiang', [1, 1, 1]],
      ['guangdong', [1, 0, 0]],
    ]);
    expect(summary.regions[1]?.sectorsAlongside.map((s) => s.id)).toEqual(['ai']);
  });

  it('counts the strategies the page names, most first, and never for their member regions', () => {
    const strategy = (id: string, block: number) => ({ kind: 'cluster' as const, id, text: id, sentence: '', block });
    const results = {
      mentions: [strategy('yangtze-river-delta', 0), ...articleResults.mentions, strategy('greater-bay-area', 3), strategy('greater-bay-area', 4)],
    };
    const summary = summarizePage(results, testData);
    expect(summary.strategies).toEqual([
      { id: 'greater-bay-area', count: 2 },
      { id: 'yangtze-river-delta', count: 1 },
    ]);
    expect(summary.regions.map((r) => [r.region.id, r.count])).toEqual(summarizePage(articleResults, testData).regions.map((r) => [r.region.id, r.count]));
    expect(summarizePage(articleResults, testData).strategies).toEqual([]);
  });

  it('skips regions the data does not know and copes with an empty page', () => {
    const empty = summarizePage({ mentions: [] }, testData);
    expect(empty).toEqual({ regions: [], sectors: [], strategies: [], grid: { sectors: [], rows: [] } });
    const unknown = summarizePage(
      { mentions: [{ kind: 'region', id: 'beijing', region: 'beijing', text: 'Beijing', sentence: 'x', block: 0 }] },
      testData,
    );
    expect(unknown.regions).toEqual([]);
  });
});

describe('countLabel', () => {
  it('writes "×n" only for repeated names', () => {
    expect(countLabel(1, [{ kind: 'city', id: 'ningbo', label: 'Ningbo', count: 1 }])).toBe('1 mention: Ningbo');
  });
});

describe('groupPlan', () => {
  it('groups verified items by category in data order, the plan as a whole first, and sets unverified ones apart', () => {
    const groups = groupPlan(plans[0], categories);
    expect(groups.categories.map((g) => [g.category.id, g.items.map((i) => i.id)])).toEqual([
      ['overall', ['zj-outline']],
      ['digital', ['zj-ai']],
      ['energy', ['zj-h2']],
    ]);
    expect(groups.unverified.items.map((i) => i.id)).toEqual(['zj-rumour']);
    expect(groups.figures.map((f) => f.id)).toEqual(['zj-rd']);
    expect(groups.sourceIds).toEqual(['zj-outline', 'zj-news', 'blog']);
  });

  it('returns empty groups for a region without a plan', () => {
    expect(groupPlan(undefined, categories).categories).toEqual([]);
  });

  it('keeps items of a category the data does not list, in "Other"', () => {
    const plan = { region: 'shanghai' as const, figures: [], items: [{ id: 'x', category: 'mystery', sectors: [], text: 't', stage: 'outline' as const, sources: [] }] };
    expect(groupPlan(plan, categories).categories.map((g) => g.category.label)).toEqual(['Other']);
  });
});

describe('formatDate', () => {
  it.each([
    ['2025-10-28', '28 Oct 2025'],
    ['2026-03', 'Mar 2026'],
    ['undated', 'undated'],
  ])('%s → %s', (input, output) => expect(formatDate(input)).toBe(output));
});

describe('relatedNational', () => {
  it('relates verified priorities to national ones on the same sectors, most shared first', () => {
    expect(relatedNational(plans[0], national).map((p) => p.id)).toEqual(['nat-ai', 'nat-h2']);
    expect(relatedNational(plans[0], national, 1).map((p) => p.id)).toEqual(['nat-ai']);
  });

  it('ignores unverified items and plans without sectors', () => {
    const onlyRumour = { region: 'zhejiang' as const, items: plans[0]?.items.filter((i) => i.unverified) ?? [], figures: [] };
    expect(relatedNational(onlyRumour, national)).toEqual([]);
    expect(relatedNational(undefined, national)).toEqual([]);
  });
});
