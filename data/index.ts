/**
 * The whole dataset, typed: the names (data/dictionary.ts) plus plans, national priorities,
 * national regional strategies, sources and meta, with small lookups. Pure (no DOM, no browser
 * APIs), so the content script, the popup and Node tests all import it.
 */
import { categories, cities, collisions, regions } from './dictionary';
import clusters from './clusters.json';
import meta from './meta.json';
import national from './national.json';
import plans from './plans.json';
import { newestSourceDate, planAsOf } from './as-of';
import type {
  DataMeta,
  DataMetaInput,
  Dataset,
  NationalPriority,
  RegionId,
  RegionPlan,
  RegionalStrategy,
  Source,
} from './schema';
import { validateDataset } from './validate';
import sources from './sources.json';

const raw = { regions, cities, collisions, sectors: categories, plans, national, clusters, sources, meta };

// Checked once in development and in tests (Vite sets DEV there); a production build trusts the
// files, which the data tests have checked in CI, and skips the work on every page load.
if (import.meta.env.DEV) {
  const problems = validateDataset(raw);
  if (problems.length > 0) {
    throw new Error(`[fyp-lens] data/ has ${problems.length} problem(s):\n${problems.slice(0, 20).join('\n')}`);
  }
}
// JSON imports are typed loosely (string, not RegionId); the validator above is the real check.
const data = raw as unknown as Omit<Dataset, 'meta'> & { meta: DataMetaInput };

const PLANS: RegionPlan[] = data.plans;
const NATIONAL: NationalPriority[] = data.national;
const CLUSTERS: RegionalStrategy[] = data.clusters;
const SOURCES: Source[] = data.sources;
/** The version, and the as-of date derived from the newest source (never written by hand). */
const META: DataMeta = { ...data.meta, asOf: newestSourceDate(SOURCES) ?? 'undated' };

export { categories, cities, collisions, regions, regionById, cityById, sectorById } from './dictionary';
export {
  PLANS as plans,
  NATIONAL as national,
  CLUSTERS as clusters,
  SOURCES as sources,
  META as meta,
};

/** Sources by id. */
export const sourceById: ReadonlyMap<string, Source> = new Map(SOURCES.map((s) => [s.id, s]));

/** National regional strategies by id. */
export const clusterById: ReadonlyMap<string, RegionalStrategy> = new Map(CLUSTERS.map((s) => [s.id, s]));

/** Each region's plan summary. */
export const planByRegion: ReadonlyMap<RegionId, RegionPlan> = new Map(PLANS.map((p) => [p.region, p]));

/** Each region's as-of date: the newest date among the sources its plan cites. */
export const asOfByRegion: ReadonlyMap<RegionId, string> = new Map(
  PLANS.map((p) => [p.region, planAsOf(p, sourceById) ?? 'undated']),
);
