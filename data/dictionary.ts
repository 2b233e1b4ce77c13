/**
 * The part of the dataset the highlighter needs: names of regions, cities, sectors and national
 * regional strategies, and the declared collisions. Kept apart from plans and sources so that the content script, which runs
 * on every news page, does not carry (or parse) the popup's data.
 */
import cities from './cities.json';
import clusters from './clusters.json';
import collisions from './collisions.json';
import regions from './regions.json';
import { REGION_TYPE_LABEL } from './labels';
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

/** National regional strategies by id. */
export const clusterById: ReadonlyMap<string, RegionalStrategy> = new Map(CLUSTERS.map((s) => [s.id, s]));

/** What a highlight stands for: its kind and id, and its region or category. */
export interface DescribedEntity {
  kind: 'region' | 'city' | 'sector' | 'cluster';
  id: string;
  region?: string;
  category?: string;
}

/**
 * A highlight's one-line description, its tooltip: "Zhejiang 浙江 — province", "Ningbo 宁波 — in
 * Zhejiang", "Low-altitude economy — Aerospace & low-altitude economy", "Greater Bay Area …
 * 粤港澳大湾区 — national regional strategy". The id when the data does not know it.
 */
export function describeEntity(entity: DescribedEntity): string {
  if (entity.kind === 'region') {
    const region = regionById.get(entity.id);
    return region ? `${region.nameEn} ${region.nameZh} — ${REGION_TYPE_LABEL[region.type].toLowerCase()}` : entity.id;
  }
  if (entity.kind === 'city') {
    const city = cityById.get(entity.id);
    return city ? `${city.nameEn} ${city.nameZh} — in ${regionById.get(city.region)?.nameEn ?? city.region}` : entity.id;
  }
  if (entity.kind === 'cluster') {
    const strategy = clusterById.get(entity.id);
    return strategy ? `${strategy.nameEn} ${strategy.nameZh} — national regional strategy` : entity.id;
  }
  const found = sectorById.get(entity.id);
  return found ? `${found.sector.label} — ${found.category.label}` : entity.id;
}
