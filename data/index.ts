/**
 * The dataset, typed: the JSON files of data/ plus small lookups. Pure (no DOM, no browser
 * APIs), so the content script, the popup and Node tests all import it.
 */
import cities from './cities.json';
import collisions from './collisions.json';
import meta from './meta.json';
import national from './national.json';
import plans from './plans.json';
import regions from './regions.json';
import {
  validateDataset,
  type City,
  type Collision,
  type DataMeta,
  type Dataset,
  type NationalPriority,
  type Region,
  type RegionId,
  type RegionPlan,
  type Sector,
  type SectorCategory,
  type Source,
} from './schema';
import sectors from './sectors.json';
import sources from './sources.json';

const raw = { regions, cities, collisions, sectors, plans, national, sources, meta };

// Checked once in development and in tests (Vite sets DEV there); a production build trusts the
// files, which the data tests have checked in CI, and skips the work on every page load.
if (import.meta.env.DEV) {
  const problems = validateDataset(raw);
  if (problems.length > 0) {
    throw new Error(`[fyp-lens] data/ has ${problems.length} problem(s):\n${problems.slice(0, 20).join('\n')}`);
  }
}
// JSON imports are typed loosely (string, not RegionId); the validator above is the real check.
const data = raw as unknown as Dataset;

const REGIONS: Region[] = data.regions;
const CITIES: City[] = data.cities;
const COLLISIONS: Collision[] = data.collisions;
const CATEGORIES: SectorCategory[] = data.sectors;
const PLANS: RegionPlan[] = data.plans;
const NATIONAL: NationalPriority[] = data.national;
const SOURCES: Source[] = data.sources;
const META: DataMeta = data.meta;

export {
  REGIONS as regions,
  CITIES as cities,
  COLLISIONS as collisions,
  CATEGORIES as categories,
  PLANS as plans,
  NATIONAL as national,
  SOURCES as sources,
  META as meta,
};

/** Regions by id. */
export const regionById: ReadonlyMap<string, Region> = new Map(REGIONS.map((r) => [r.id, r]));

/** Cities by id. */
export const cityById: ReadonlyMap<string, City> = new Map(CITIES.map((c) => [c.id, c]));

/** Sectors by id, with the category each belongs to. */
export const sectorById: ReadonlyMap<string, { sector: Sector; category: SectorCategory }> = new Map(
  CATEGORIES.flatMap((category) => category.sectors.map((sector) => [sector.id, { sector, category }] as const)),
);

/** Sources by id. */
export const sourceById: ReadonlyMap<string, Source> = new Map(SOURCES.map((s) => [s.id, s]));

/** Each region's plan summary. */
export const planByRegion: ReadonlyMap<RegionId, RegionPlan> = new Map(PLANS.map((p) => [p.region, p]));
