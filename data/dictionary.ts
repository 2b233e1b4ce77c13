/**
 * The part of the dataset the highlighter needs: names of regions, cities, sectors and national
 * regional strategies, and the declared collisions. Kept apart from plans and sources so that the content script, which runs
 * on every news page, does not carry (or parse) the popup's data.
 */
import cities from './cities.json';
import clusters from './clusters.json';
import collisions from './collisions.json';
import regions from './regions.json';
import type { City, Collision, Region, RegionalStrategy, Sector, SectorCategory } from './schema';
import sectors from './sectors.json';

// JSON imports are typed loosely (string, not RegionId); validateDataset (data/index.ts, in
// development and tests) and the data tests are the real check.
const REGIONS = regions as unknown as Region[];
const CITIES = cities as unknown as City[];
const COLLISIONS = collisions as unknown as Collision[];
const CATEGORIES = sectors as unknown as SectorCategory[];
const CLUSTERS = clusters as unknown as RegionalStrategy[];

export { REGIONS as regions, CITIES as cities, COLLISIONS as collisions, CATEGORIES as categories, CLUSTERS as clusters };

/** Regions by id. */
export const regionById: ReadonlyMap<string, Region> = new Map(REGIONS.map((r) => [r.id, r]));

/** Cities by id. */
export const cityById: ReadonlyMap<string, City> = new Map(CITIES.map((c) => [c.id, c]));

/** Sectors by id, with the category each belongs to. */
export const sectorById: ReadonlyMap<string, { sector: Sector; category: SectorCategory }> = new Map(
  CATEGORIES.flatMap((category) => category.sectors.map((sector) => [sector.id, { sector, category }] as const)),
);
