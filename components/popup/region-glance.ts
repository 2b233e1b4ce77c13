/**
 * Pure: what a region's compact row shows at a glance — its 2026 growth target (or, where a
 * region sets none, its official 2026 forecast) and its top priority sectors — from the
 * region's verified plan data only: an unverified figure is never shown as a fact.
 */
import { OVERALL_CATEGORY, type RegionPlan, type Sector, type SectorCategory } from '../../data/schema';
import type { Chip } from './SectorChips';

export interface GrowthTarget {
  /** "2026 target" or "2026 forecast". */
  label: string;
  value: string;
  /** The figure's own label, for the row's tooltip. */
  title: string;
}

export interface RegionGlance {
  target: GrowthTarget | null;
  topSectors: Chip[];
}

const TARGET_LABEL = /^2026 GDP growth (target|forecast)\b/i;

/** The verified 2026 GDP growth target or forecast; its value up to the first ';'. */
export function growthTarget2026(plan: RegionPlan | undefined): GrowthTarget | null {
  const kindOf = (label: string): string | undefined => TARGET_LABEL.exec(label)?.[1]?.toLowerCase();
  const figures = (plan?.figures ?? []).filter((f) => !f.unverified && kindOf(f.label) !== undefined);
  // A target wins over a forecast.
  const figure = figures.find((f) => kindOf(f.label) === 'target') ?? figures[0];
  if (!figure) return null;
  const kind = kindOf(figure.label) as string;
  return { label: `2026 ${kind}`, value: figure.value.split(';')[0]?.trim() ?? figure.value, title: figure.label };
}

/**
 * The sectors the region's verified priorities name most often. Items about the plan as a whole
 * count only when the sector-specific ones name fewer than `limit`; ties go to sectors the page
 * names, then to the order the plan names them in.
 */
export function topSectors(
  plan: RegionPlan | undefined,
  sectorById: ReadonlyMap<string, { sector: Sector; category: SectorCategory }>,
  pageSectors: ReadonlySet<string>,
  limit = 3,
): Chip[] {
  const items = (plan?.items ?? []).filter((item) => !item.unverified);
  const rank = (specific: boolean): string[] => {
    const counts = new Map<string, { count: number; first: number }>();
    let position = 0;
    for (const item of items) {
      if ((item.category !== OVERALL_CATEGORY) !== specific) continue;
      for (const id of item.sectors) {
        if (!sectorById.has(id)) continue;
        const entry = counts.get(id);
        if (entry) entry.count++;
        else counts.set(id, { count: 1, first: position++ });
      }
    }
    return [...counts.entries()]
      .sort(
        ([a, x], [b, y]) =>
          y.count - x.count || Number(pageSectors.has(b)) - Number(pageSectors.has(a)) || x.first - y.first,
      )
      .map(([id]) => id);
  };
  const ids = [...new Set([...rank(true), ...rank(false)])].slice(0, limit);
  return ids.map((id) => {
    const found = sectorById.get(id) as { sector: Sector; category: SectorCategory };
    return { id, label: found.sector.label, category: found.category.id, onPage: pageSectors.has(id) };
  });
}

/** The row's figures for one region. */
export function glanceOf(
  plan: RegionPlan | undefined,
  sectorById: ReadonlyMap<string, { sector: Sector; category: SectorCategory }>,
  pageSectors: ReadonlySet<string>,
): RegionGlance {
  return { target: growthTarget2026(plan), topSectors: topSectors(plan, sectorById, pageSectors) };
}
