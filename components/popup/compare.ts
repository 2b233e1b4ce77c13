/**
 * Pure: two to four regions' plan priorities side by side, by sector category — for each sector
 * any of them prioritises, how many of each region's verified priorities name it, and whether
 * it is shared (prioritised by two or more of them). Unverified items never count.
 */
import type { Region, RegionId, RegionPlan, Sector, SectorCategory } from '../../data/schema';

export interface CompareRow {
  /** `category` is the sector's category id, the palette key. */
  sector: { id: string; label: string; category: string };
  /** Per compared region, in the regions' order: verified priorities naming the sector. */
  counts: number[];
  /** How many of the compared regions prioritise it. */
  regionsWith: number;
  shared: boolean;
}

export interface CompareGroup {
  category: SectorCategory;
  rows: CompareRow[];
}

export interface Comparison {
  regions: Region[];
  groups: CompareGroup[];
  /** Shared sectors, most regions first, as a summary line. */
  shared: CompareRow[];
}

export interface CompareLookups {
  regionById: ReadonlyMap<string, Region>;
  planByRegion: ReadonlyMap<RegionId, RegionPlan>;
  categories: readonly SectorCategory[];
  sectorById: ReadonlyMap<string, { sector: Sector; category: SectorCategory }>;
}

/** Compares regions (unknown ids are skipped); groups follow the data's category order. */
export function compareRegions(ids: readonly RegionId[], data: CompareLookups): Comparison {
  const regions = ids.map((id) => data.regionById.get(id)).filter((r): r is Region => r !== undefined);
  const counts = new Map<string, number[]>();
  regions.forEach((region, column) => {
    for (const item of data.planByRegion.get(region.id)?.items ?? []) {
      if (item.unverified) continue;
      for (const sector of new Set(item.sectors)) {
        if (!data.sectorById.has(sector)) continue;
        const row = counts.get(sector) ?? regions.map(() => 0);
        row[column] = (row[column] ?? 0) + 1;
        counts.set(sector, row);
      }
    }
  });
  const rowOf = (sector: Sector, category: SectorCategory, row: number[]): CompareRow => {
    const regionsWith = row.filter((n) => n > 0).length;
    return { sector: { id: sector.id, label: sector.label, category: category.id }, counts: row, regionsWith, shared: regionsWith >= 2 };
  };
  const total = (row: CompareRow): number => row.counts.reduce((a, b) => a + b, 0);
  const order = (a: CompareRow, b: CompareRow): number =>
    b.regionsWith - a.regionsWith || total(b) - total(a) || a.sector.label.localeCompare(b.sector.label);
  const groups: CompareGroup[] = [];
  for (const category of data.categories) {
    const rows = category.sectors
      .filter((sector) => counts.has(sector.id))
      .map((sector) => rowOf(sector, category, counts.get(sector.id) as number[]))
      .sort(order);
    if (rows.length > 0) groups.push({ category, rows });
  }
  const shared = groups
    .flatMap((g) => g.rows)
    .filter((row) => row.shared)
    .sort(order);
  return { regions, groups, shared };
}
