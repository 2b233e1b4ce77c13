/**
 * Pure: arranges one region's plan for display — verified items grouped by sector category
 * (in the data's category order), verified headline figures, and everything resting only on
 * low-reliability sources set apart in an "unverified" group.
 */
import {
  OVERALL_CATEGORY,
  type Figure,
  type NationalPriority,
  type PlanItem,
  type RegionPlan,
  type SectorCategory,
  type Source,
} from '../../data/schema';

export interface CategoryGroup {
  category: SectorCategory;
  items: PlanItem[];
}

export interface PlanGroups {
  categories: CategoryGroup[];
  figures: Figure[];
  unverified: { items: PlanItem[]; figures: Figure[] };
  /** Every source the shown items and figures cite, each once, in order of first citation. */
  sourceIds: string[];
}

/** The group of items about the plan as a whole; not a highlight category, so no colour. */
export const OVERALL_GROUP: SectorCategory = { id: OVERALL_CATEGORY, label: 'The plan as a whole', color: '', sectors: [] };

/**
 * Groups a plan: items about the plan as a whole first, then the sector categories in data
 * order; items of a category the data does not list go to an "Other" group at the end.
 */
export function groupPlan(plan: RegionPlan | undefined, categories: readonly SectorCategory[]): PlanGroups {
  const groups: PlanGroups = { categories: [], figures: [], unverified: { items: [], figures: [] }, sourceIds: [] };
  if (!plan) return groups;
  const byCategory = new Map<string, PlanItem[]>();
  for (const item of plan.items) {
    if (item.unverified) {
      groups.unverified.items.push(item);
      continue;
    }
    const list = byCategory.get(item.category) ?? [];
    list.push(item);
    byCategory.set(item.category, list);
  }
  for (const category of [OVERALL_GROUP, ...categories]) {
    const items = byCategory.get(category.id);
    if (items) groups.categories.push({ category, items });
    byCategory.delete(category.id);
  }
  const rest = [...byCategory.values()].flat();
  if (rest.length > 0) {
    groups.categories.push({ category: { id: 'other', label: 'Other', color: '', sectors: [] }, items: rest });
  }
  for (const figure of plan.figures) {
    (figure.unverified ? groups.unverified.figures : groups.figures).push(figure);
  }
  const seen = new Set<string>();
  const cite = (ids: readonly string[]): void => {
    for (const id of ids) {
      if (!seen.has(id)) {
        seen.add(id);
        groups.sourceIds.push(id);
      }
    }
  };
  for (const group of groups.categories) for (const item of group.items) cite(item.sources);
  for (const figure of groups.figures) cite(figure.sources);
  for (const item of groups.unverified.items) cite(item.sources);
  for (const figure of groups.unverified.figures) cite(figure.sources);
  return groups;
}

/** The sources of ids that resolve, in the given order. */
export function resolveSources(ids: readonly string[], sourceById: ReadonlyMap<string, Source>): Source[] {
  return ids.map((id) => sourceById.get(id)).filter((s): s is Source => s !== undefined);
}

/**
 * National priorities that concern the same sectors as the region's verified priorities, most
 * shared sectors first (then data order), so a reader can set the provincial plan against the
 * national one. Priorities about no sector in particular are left out.
 */
export function relatedNational(
  plan: RegionPlan | undefined,
  national: readonly NationalPriority[],
  limit = 3,
): NationalPriority[] {
  const regionSectors = new Set(plan?.items.filter((i) => !i.unverified).flatMap((i) => i.sectors));
  return national
    .map((priority, order) => ({ priority, order, shared: priority.sectors.filter((id) => regionSectors.has(id)).length }))
    .filter(({ shared }) => shared > 0)
    .sort((a, b) => b.shared - a.shared || a.order - b.order)
    .slice(0, limit)
    .map(({ priority }) => priority);
}
