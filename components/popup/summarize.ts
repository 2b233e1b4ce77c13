/**
 * Pure: turns a tab's PageResults into what the popup shows — the regions in order of how
 * often the page names them (a city counts for its region), what each count is made of, the
 * sentences naming each region, the sectors and national regional strategies the page names, and
 * which regions and sectors the page names together (in the same paragraph). No DOM, no browser
 * APIs.
 */
import type { PageMention, PageResults } from '../../data/protocol';
import type { City, Region, RegionId, Sector, SectorCategory } from '../../data/schema';
import { plural } from '../../data/labels';

/** The lookups summarizing needs (data/index.ts provides them). */
export interface SummaryLookups {
  regionById: ReadonlyMap<string, Region>;
  cityById: ReadonlyMap<string, City>;
  sectorById: ReadonlyMap<string, { sector: Sector; category: SectorCategory }>;
}

/** One name that contributed to a region's count: the region itself or one of its cities. */
export interface Contributor {
  kind: 'region' | 'city';
  id: string;
  label: string;
  count: number;
}

export interface SectorCount {
  id: string;
  label: string;
  category: string;
  count: number;
}

export interface RegionSummary {
  region: Region;
  count: number;
  contributors: Contributor[];
  /** "3 mentions: Zhejiang ×2, Ningbo". */
  countLabel: string;
  /** Distinct sentences naming the region or one of its cities, in page order (plain text). */
  sentences: string[];
  /** Further distinct sentences naming it that the page's results do not carry. */
  sentencesLeftOut: number;
  /** Sectors named in the same paragraphs as the region, most paragraphs first. */
  sectorsAlongside: SectorCount[];
}

/** Region × sector: how many paragraphs name both. Rows follow `regions`, columns `sectors`. */
export interface CoOccurrenceGrid {
  sectors: SectorCount[];
  rows: { region: Region; cells: number[] }[];
}

/** A national regional strategy the page names, and how often. */
export interface StrategyCount {
  id: string;
  count: number;
}

export interface PageSummary {
  regions: RegionSummary[];
  /** Sectors named on the page, most mentioned first. */
  sectors: SectorCount[];
  /**
   * National regional strategies named on the page, most mentioned first (a strategy's name
   * counts for it, not for its member regions).
   */
  strategies: StrategyCount[];
  grid: CoOccurrenceGrid;
}

interface Tally {
  count: number;
  first: number;
}

/** Increments a tally keyed by id, remembering the position of its first mention. */
function bump<K>(map: Map<K, Tally>, key: K, position: number): void {
  const tally = map.get(key);
  if (tally) tally.count++;
  else map.set(key, { count: 1, first: position });
}

/** Most first; on a tie, the one the page names first. */
function byCountThenFirst<K>(map: Map<K, Tally>): K[] {
  return [...map.entries()]
    .sort(([, a], [, b]) => b.count - a.count || a.first - b.first)
    .map(([key]) => key);
}

/** "3 mentions: Zhejiang ×2, Ningbo". */
export function countLabel(count: number, contributors: readonly Contributor[]): string {
  const parts = contributors.map((c) => (c.count > 1 ? `${c.label} ×${c.count}` : c.label));
  return `${plural(count, 'mention')}: ${parts.join(', ')}`;
}

function sectorCounts(mentions: readonly PageMention[], lookups: SummaryLookups): Map<string, SectorCount> {
  const tallies = new Map<string, Tally>();
  mentions.forEach((m, i) => {
    if (m.kind === 'sector') bump(tallies, m.id, i);
  });
  const result = new Map<string, SectorCount>();
  for (const id of byCountThenFirst(tallies)) {
    const found = lookups.sectorById.get(id);
    const mention = mentions.find((m) => m.id === id && m.kind === 'sector');
    result.set(id, {
      id,
      label: found?.sector.label ?? id,
      category: found?.category.id ?? mention?.category ?? '',
      count: tallies.get(id)?.count ?? 0,
    });
  }
  return result;
}

/** Summarizes a tab's results; regions the data does not know are skipped. */
export function summarizePage(results: Pick<PageResults, 'mentions' | 'sentencesLeftOut'>, lookups: SummaryLookups): PageSummary {
  const { mentions } = results;
  const regionTallies = new Map<RegionId, Tally>();
  const contributorTallies = new Map<RegionId, Map<string, Tally>>();
  const sentences = new Map<RegionId, Set<string>>();
  const blocks = new Map<number, { regions: Set<RegionId>; sectors: Set<string> }>();
  const strategyTallies = new Map<string, Tally>();

  mentions.forEach((m, i) => {
    const block = blocks.get(m.block) ?? { regions: new Set(), sectors: new Set() };
    blocks.set(m.block, block);
    if (m.kind === 'sector') {
      block.sectors.add(m.id);
      return;
    }
    if (m.kind === 'cluster') {
      bump(strategyTallies, m.id, i);
      return;
    }
    const region = m.region ?? (m.kind === 'region' ? (m.id as RegionId) : undefined);
    if (!region || !lookups.regionById.has(region)) return;
    block.regions.add(region);
    bump(regionTallies, region, i);
    const contributors = contributorTallies.get(region) ?? new Map<string, Tally>();
    contributorTallies.set(region, contributors);
    bump(contributors, `${m.kind}:${m.id}`, i);
    const own = sentences.get(region) ?? new Set<string>();
    sentences.set(region, own);
    if (m.sentence.trim() !== '') own.add(m.sentence);
  });

  const sectors = sectorCounts(mentions, lookups);
  const sectorList = [...sectors.values()];
  // Paragraphs naming both, counted once per paragraph.
  const pairs = new Map<string, number>();
  for (const block of blocks.values()) {
    for (const region of block.regions) {
      for (const sector of block.sectors) pairs.set(`${region}|${sector}`, (pairs.get(`${region}|${sector}`) ?? 0) + 1);
    }
  }
  const together = (region: RegionId, sector: string): number => pairs.get(`${region}|${sector}`) ?? 0;

  const regions: RegionSummary[] = [];
  for (const id of byCountThenFirst(regionTallies)) {
    const region = lookups.regionById.get(id) as Region;
    const tallies = contributorTallies.get(id) ?? new Map<string, Tally>();
    const contributors: Contributor[] = byCountThenFirst(tallies).map((key) => {
      const [kind, entityId] = key.split(':') as ['region' | 'city', string];
      const label = kind === 'region' ? region.nameEn : (lookups.cityById.get(entityId)?.nameEn ?? entityId);
      return { kind, id: entityId, label, count: tallies.get(key)?.count ?? 0 };
    });
    const count = regionTallies.get(id)?.count ?? 0;
    const alongside = sectorList
      .map((s) => ({ ...s, count: together(id, s.id) }))
      .filter((s) => s.count > 0)
      .sort((a, b) => b.count - a.count);
    regions.push({
      region,
      count,
      contributors,
      countLabel: countLabel(count, contributors),
      sentences: [...(sentences.get(id) ?? [])],
      sentencesLeftOut: results.sentencesLeftOut?.[id] ?? 0,
      sectorsAlongside: alongside,
    });
  }

  const grid: CoOccurrenceGrid = {
    sectors: sectorList,
    rows: regions.map(({ region }) => ({ region, cells: sectorList.map((s) => together(region.id, s.id)) })),
  };
  const strategies = byCountThenFirst(strategyTallies).map((id) => ({ id, count: strategyTallies.get(id)?.count ?? 0 }));
  return { regions, sectors: sectorList, strategies, grid };
}
