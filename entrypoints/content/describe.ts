/** Tooltips for marks: what the highlighted name is, in a few words. */
import { cityById, regionById, sectorById } from '../../data/dictionary';
import { REGION_TYPE_LABEL } from '../../data/labels';
import type { Match } from './matcher';

/** "Zhejiang 浙江 — province", "Ningbo 宁波 — city in Zhejiang", "Low-altitude economy — sector". */
export function describeMatch(match: Match): string {
  if (match.kind === 'region') {
    const region = regionById.get(match.id);
    return region ? `${region.nameEn} ${region.nameZh} — ${REGION_TYPE_LABEL[region.type].toLowerCase()}` : match.id;
  }
  if (match.kind === 'city') {
    const city = cityById.get(match.id);
    const region = city ? regionById.get(city.region) : undefined;
    return city ? `${city.nameEn} ${city.nameZh} — in ${region?.nameEn ?? city.region}` : match.id;
  }
  const found = sectorById.get(match.id);
  return found ? `${found.sector.label} — ${found.category.label}` : match.id;
}
