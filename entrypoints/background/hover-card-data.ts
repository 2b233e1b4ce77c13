/**
 * Pure: the content of a mark's hover card, built here in the background from the dataset so
 * that the content script, which runs on every news page, carries no plan data. A region or
 * city card: names, type and capital, the 2025 growth and 2026 target, the top three verified
 * priorities with their document stage, one source line. A sector card: its category, the
 * national priority on it, and which regions on the page prioritise it. A strategy card: its
 * kind, purpose and members. Unverified items and figures are never shown.
 */
import { describeEntity } from '../../data/dictionary';
import { formatDate, REGION_TYPE_LABEL, STAGE_LABEL, STRATEGY_KIND_LABEL, strategyMemberLabel } from '../../data/labels';
import type { HoverCard, MarkEntity } from '../../data/protocol';
import {
  OVERALL_CATEGORY,
  type City,
  type NationalPriority,
  type Region,
  type RegionId,
  type RegionPlan,
  type RegionalStrategy,
  type Sector,
  type SectorCategory,
  type Source,
} from '../../data/schema';
import { growthTarget2026 } from '../../components/popup/region-glance';

/** The lookups a card reads (data/index.ts provides them). */
export interface CardLookups {
  regionById: ReadonlyMap<string, Region>;
  cityById: ReadonlyMap<string, City>;
  sectorById: ReadonlyMap<string, { sector: Sector; category: SectorCategory }>;
  clusterById: ReadonlyMap<string, RegionalStrategy>;
  planByRegion: ReadonlyMap<RegionId, RegionPlan>;
  national: readonly NationalPriority[];
  sourceById: ReadonlyMap<string, Source>;
}

/** Longest text a card line shows; a card is a glance, the summary has the rest. */
const LINE_CHARS = 120;
const GROWTH_2025 = /^(?:2025 (?:real )?GDP growth|(?:real )?GDP growth, 2025)\b/i;

/** A text cut at a word before `max` characters, with an ellipsis when cut. */
export function shorten(text: string, max = LINE_CHARS): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max - 1);
  return `${text.slice(0, cut > max / 2 ? cut : max - 1).replace(/[\s,;:]+$/, '')}…`;
}

function sourceLine(ids: readonly string[] | undefined, lookups: CardLookups): string | undefined {
  const source = ids?.map((id) => lookups.sourceById.get(id)).find((s) => s !== undefined);
  return source ? `Source: ${source.publisher}, ${formatDate(source.date)}` : undefined;
}

function regionCard(entity: MarkEntity, lookups: CardLookups): Omit<HoverCard, 'tooltip'> | null {
  const city = entity.kind === 'city' ? lookups.cityById.get(entity.id) : undefined;
  const region = lookups.regionById.get(city?.region ?? entity.region ?? entity.id);
  if (!region) return null;
  const plan = lookups.planByRegion.get(region.id);
  const facts = city
    ? [`City in ${region.nameEn} ${region.nameZh} (${REGION_TYPE_LABEL[region.type].toLowerCase()}, capital ${region.capital.en})`]
    : [`${REGION_TYPE_LABEL[region.type]} · capital ${region.capital.en} ${region.capital.zh}`];
  const growth = plan?.figures.find((f) => !f.unverified && GROWTH_2025.test(f.label));
  const target = growthTarget2026(plan);
  const figures = [growth ? `2025 growth ${growth.value.split(';')[0]}` : '', target ? `${target.label} ${target.value}` : ''].filter(Boolean);
  facts.push(figures.length > 0 ? figures.join(' · ') : 'No 2025 growth or 2026 target on record');
  const items = (plan?.items ?? []).filter((item) => !item.unverified && item.category !== OVERALL_CATEGORY).slice(0, 3);
  const card: Omit<HoverCard, 'tooltip'> = {
    title: city ? city.nameEn : region.nameEn,
    titleZh: city ? city.nameZh : region.nameZh,
    facts,
    listHeading: items.length > 0 ? `${region.nameEn}'s top priorities` : 'No verified priorities on record',
    list: items.map((item) => ({ text: shorten(item.text), note: STAGE_LABEL[item.stage] })),
  };
  const source = sourceLine(items[0]?.sources ?? plan?.figures.find((f) => !f.unverified)?.sources, lookups);
  if (source) card.source = source;
  return card;
}

function sectorCard(entity: MarkEntity, pageRegions: readonly RegionId[], lookups: CardLookups): Omit<HoverCard, 'tooltip'> | null {
  const found = lookups.sectorById.get(entity.id);
  if (!found) return null;
  const priority = lookups.national.find((p) => p.sectors.includes(entity.id));
  const facts = [`Category: ${found.category.label}`];
  facts.push(priority ? `National priority (${STAGE_LABEL[priority.stage]}): ${shorten(priority.text)}` : 'No national priority on record for it');
  const prioritising = [...new Set(pageRegions)].filter((id) =>
    lookups.planByRegion.get(id)?.items.some((item) => !item.unverified && item.sectors.includes(entity.id)),
  );
  const card: Omit<HoverCard, 'tooltip'> = {
    title: found.sector.label,
    facts,
    listHeading: prioritising.length > 0 ? 'Prioritised by these regions on this page' : 'No region on this page lists it among its priorities',
    list: prioritising.map((id) => ({ text: lookups.regionById.get(id)?.nameEn ?? id })),
  };
  const source = sourceLine(priority?.sources, lookups);
  if (source) card.source = source;
  return card;
}

function strategyCard(entity: MarkEntity, lookups: CardLookups): Omit<HoverCard, 'tooltip'> | null {
  const strategy = lookups.clusterById.get(entity.id);
  if (!strategy) return null;
  const card: Omit<HoverCard, 'tooltip'> = {
    title: strategy.nameEn,
    titleZh: strategy.nameZh,
    facts: [STRATEGY_KIND_LABEL[strategy.kind], shorten(strategy.purpose)],
    listHeading: 'Member regions',
    list: strategy.members.map((m) => ({ text: strategyMemberLabel(m, lookups.regionById) })),
  };
  const source = sourceLine(strategy.sources, lookups);
  if (source) card.source = source;
  return card;
}

/** The hover card for a mark; `pageRegions` are the regions the page names (for a sector's card). */
export function hoverCardFor(entity: MarkEntity, pageRegions: readonly RegionId[], lookups: CardLookups): HoverCard {
  const tooltip = describeEntity(entity);
  const card =
    entity.kind === 'sector'
      ? sectorCard(entity, pageRegions, lookups)
      : entity.kind === 'cluster'
        ? strategyCard(entity, lookups)
        : regionCard(entity, lookups);
  return { tooltip, ...(card ?? { title: tooltip, facts: [], listHeading: '', list: [] }) };
}
