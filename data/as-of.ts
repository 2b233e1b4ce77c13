/**
 * As-of dates, derived from the sources rather than written by hand: the dataset's is its newest
 * source's date, a region's the newest date among the sources its plan cites.
 */
import type { RegionPlan, Source } from './schema';

/** The newest ISO date among the sources ("undated" ones skipped), or undefined if none has one. */
export function newestSourceDate(sources: Iterable<Pick<Source, 'date'> | undefined>): string | undefined {
  let newest: string | undefined;
  for (const s of sources) {
    if (s === undefined || s.date === 'undated') continue;
    if (newest === undefined || s.date > newest) newest = s.date;
  }
  return newest;
}

/** The ids of every source a region's items and figures cite. */
export function citedSources(plan: Pick<RegionPlan, 'items' | 'figures'>): Set<string> {
  return new Set([...plan.items, ...plan.figures].flatMap((x) => x.sources));
}

/** A region's as-of date: the newest date among the sources its plan cites. */
export function planAsOf(plan: Pick<RegionPlan, 'items' | 'figures'> | undefined, sourceById: ReadonlyMap<string, Source>): string | undefined {
  if (plan === undefined) return undefined;
  return newestSourceDate([...citedSources(plan)].map((id) => sourceById.get(id)));
}
