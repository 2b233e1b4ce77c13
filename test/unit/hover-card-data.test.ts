// @vitest-environment node
/**
 * The hover cards' content as the background builds it from the real data: a region's and a
 * city's card (names, type and capital, 2025 growth and 2026 target, three verified priorities
 * with their stage, a source line), a sector's (category, national priority, the page's regions
 * that prioritise it), a strategy's, and the fallback for an id the data does not know.
 */
import { describe, expect, it } from 'vitest';
import { cityById, clusterById, national, planByRegion, regionById, sectorById, sourceById } from '../../data';
import { STAGE_LABEL } from '../../data/labels';
import { OVERALL_CATEGORY } from '../../data/schema';
import { hoverCardFor, shorten } from '../../entrypoints/background/hover-card-data';
import { growthTarget2026 } from '../../components/popup/region-glance';

const lookups = { regionById, cityById, sectorById, clusterById, planByRegion, national, sourceById };
const STAGES = new Set(Object.values(STAGE_LABEL));

describe('hoverCardFor', () => {
  it('gives a region its names, type and capital, growth figures, three verified priorities with their stage and a source', () => {
    const card = hoverCardFor({ kind: 'region', id: 'zhejiang', region: 'zhejiang' }, [], lookups);
    expect(card.tooltip).toBe('Zhejiang 浙江 — province');
    expect([card.title, card.titleZh]).toEqual(['Zhejiang', '浙江']);
    expect(card.facts[0]).toBe('Province · capital Hangzhou 杭州');
    const target = growthTarget2026(planByRegion.get('zhejiang'));
    expect(card.facts[1]).toContain(`2026 target ${target?.value}`);
    const verified = (planByRegion.get('zhejiang')?.items ?? []).filter((i) => !i.unverified && i.category !== OVERALL_CATEGORY);
    expect(card.list).toHaveLength(Math.min(3, verified.length));
    for (const [i, item] of card.list.entries()) {
      expect(STAGES.has(item.note ?? '')).toBe(true);
      expect(item.note).toBe(STAGE_LABEL[verified[i]!.stage]);
      expect(item.text.length).toBeLessThanOrEqual(120);
    }
    expect(card.source).toMatch(/^Source: .+, (\d{1,2} )?[A-Z][a-z]{2} \d{4}$|^Source: .+, undated$/);
  });

  it('never shows an unverified priority', () => {
    for (const plan of planByRegion.values()) {
      const card = hoverCardFor({ kind: 'region', id: plan.region, region: plan.region }, [], lookups);
      const unverified = new Set(plan.items.filter((i) => i.unverified).map((i) => shorten(i.text)));
      expect(card.list.filter((item) => unverified.has(item.text))).toEqual([]);
    }
  });

  it('gives a city its own names and its region’s figures and priorities', () => {
    const card = hoverCardFor({ kind: 'city', id: 'ningbo', region: 'zhejiang' }, [], lookups);
    expect([card.title, card.titleZh]).toEqual(['Ningbo', '宁波']);
    expect(card.facts[0]).toMatch(/^City in Zhejiang 浙江/);
    expect(card.list).toEqual(hoverCardFor({ kind: 'region', id: 'zhejiang' }, [], lookups).list);
  });

  it('gives a sector its category, its national priority and the page’s regions that prioritise it', () => {
    const withAi = [...planByRegion.values()].filter((p) => p.items.some((i) => !i.unverified && i.sectors.includes('artificial-intelligence'))).map((p) => p.region);
    expect(withAi.length).toBeGreaterThan(0);
    const card = hoverCardFor({ kind: 'sector', id: 'artificial-intelligence', category: 'digital-ai' }, ['xizang', ...withAi.slice(0, 2)], lookups);
    expect(card.title).toBe(sectorById.get('artificial-intelligence')?.sector.label);
    expect(card.facts[0]).toBe(`Category: ${sectorById.get('artificial-intelligence')?.category.label}`);
    expect(card.facts[1]).toMatch(/^National priority \(.+\): /);
    expect(card.list.map((i) => i.text)).toEqual(withAi.slice(0, 2).filter((id) => id !== 'xizang').map((id) => regionById.get(id)?.nameEn));
    const alone = hoverCardFor({ kind: 'sector', id: 'artificial-intelligence' }, [], lookups);
    expect(alone.list).toEqual([]);
    expect(alone.listHeading).toBe('No region on this page lists it among its priorities');
  });

  it('gives a strategy its kind, purpose and members', () => {
    const card = hoverCardFor({ kind: 'cluster', id: 'greater-bay-area' }, [], lookups);
    expect(card.titleZh).toBe('粤港澳大湾区');
    expect(card.list.map((i) => i.text)).toEqual(['Guangdong (part)', 'Hong Kong', 'Macao']);
    expect(card.tooltip).toMatch(/ — national regional strategy$/);
  });

  it('falls back to the id for an entity the data does not know', () => {
    expect(hoverCardFor({ kind: 'sector', id: 'no-such-sector' }, [], lookups)).toEqual({
      tooltip: 'no-such-sector',
      title: 'no-such-sector',
      facts: [],
      listHeading: '',
      list: [],
    });
  });
});

describe('shorten', () => {
  it.each([
    ['short text', 'A short line.', 'A short line.'],
    ['cut at a word, with an ellipsis', 'one two three four five six', 'one two three…'],
    ['no trailing comma before the ellipsis', 'one two three, four five', 'one two three…'],
  ])('%s', (_name, text, expected) => {
    expect(shorten(text, 16)).toBe(expected);
  });
});
