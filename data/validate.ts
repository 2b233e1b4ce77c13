/**
 * The validators that check data/'s JSON files against the types of data/schema.ts. Each check
 * returns problems as "path: message" strings; an empty list means valid. They work field by
 * field, so one bad entry never hides the others.
 */
import {
  DOCUMENT_STAGES,
  GRADE_OF_KIND,
  SOURCE_KINDS,
  STRATEGY_KINDS,
  OVERALL_CATEGORY,
  REGION_IDS,
  RELIABILITIES,
  type City,
  type Collision,
  type DataMeta,
  type DocumentStage,
  type Dataset,
  type DatasetInput,
  type EntityRef,
  type NationalPriority,
  type PlanItem,
  type Region,
  type RegionId,
  type RegionPlan,
  type RegionalStrategy,
  type SectorCategory,
  type Source,
  type SourceKind,
} from './schema';
import { newestSourceDate } from './as-of';

const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/** True for a kebab-case id ("suzhou-anhui", "6g"). */
export function isKebabId(value: unknown): value is string {
  return typeof value === 'string' && KEBAB_ID.test(value);
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** True for a lower-case #rrggbb colour. */
export function isHexColor(value: unknown): value is string {
  return typeof value === 'string' && /^#[0-9a-f]{6}$/.test(value);
}

/** True if the text contains a Chinese character. */
export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/**
 * The key two English terms are compared by when looking for clashes: case folded, quotes
 * straightened, hyphens and spaces as one space, one trailing "s" dropped ("NEVs" = "nev").
 */
export function foldTermEn(term: string): string {
  const key = term
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\s\u00a0\-\u2010\u2011\u2013]+/g, ' ')
    .trim();
  return key.endsWith('s') ? key.slice(0, -1) : key;
}

/** The key a term is compared by: folded English, or the Chinese term as written. */
export function termKey(term: string): string {
  return hasHan(term) ? term.trim() : foldTermEn(term);
}

type Fields = Record<string, unknown>;

/** Collects problems while reading untyped JSON. */
class Problems {
  readonly list: string[] = [];

  add(path: string, message: string): void {
    this.list.push(`${path}: ${message}`);
  }

  /** An object with the required keys and no keys outside required and optional. */
  object(value: unknown, path: string, required: readonly string[], optional: readonly string[] = []): Fields | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.add(path, 'expected an object');
      return undefined;
    }
    const fields = value as Fields;
    for (const key of required) if (!(key in fields)) this.add(path, `missing field "${key}"`);
    for (const key of Object.keys(fields)) {
      if (!required.includes(key) && !optional.includes(key)) this.add(path, `unknown field "${key}"`);
    }
    return fields;
  }

  array(value: unknown, path: string): unknown[] {
    if (Array.isArray(value)) return value;
    this.add(path, 'expected an array');
    return [];
  }

  text(value: unknown, path: string): value is string {
    if (typeof value === 'string' && value.trim() !== '' && value === value.trim()) return true;
    this.add(path, 'expected a non-empty string without outer spaces');
    return false;
  }

  optionalText(fields: Fields, key: string, path: string): void {
    if (key in fields) this.text(fields[key], `${path}.${key}`);
  }

  id(value: unknown, path: string): void {
    if (!isKebabId(value)) this.add(path, `expected a kebab-case id, got ${JSON.stringify(value)}`);
  }

  texts(value: unknown, path: string, min = 0): void {
    const list = this.array(value, path);
    list.forEach((v, i) => this.text(v, `${path}[${i}]`));
    if (Array.isArray(value) && list.length < min) this.add(path, `expected at least ${min} entries`);
  }

  ids(value: unknown, path: string, min = 0): void {
    const list = this.array(value, path);
    list.forEach((v, i) => this.id(v, `${path}[${i}]`));
    if (Array.isArray(value) && list.length < min) this.add(path, `expected at least ${min} entries`);
  }

  oneOf(value: unknown, path: string, allowed: readonly string[]): void {
    if (typeof value !== 'string' || !allowed.includes(value)) {
      this.add(path, `expected one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
    }
  }

  flag(fields: Fields, key: string, path: string): void {
    if (key in fields && fields[key] !== true) this.add(`${path}.${key}`, 'if present, must be true');
  }

  termsEn(value: unknown, path: string): void {
    this.texts(value, path);
    if (!Array.isArray(value)) return;
    value.forEach((t, i) => {
      if (typeof t === 'string' && hasHan(t)) this.add(`${path}[${i}]`, 'Chinese characters in an English term');
    });
  }

  termsZh(value: unknown, path: string): void {
    this.texts(value, path);
    if (!Array.isArray(value)) return;
    value.forEach((t, i) => {
      if (typeof t !== 'string') return;
      if (!hasHan(t)) this.add(`${path}[${i}]`, 'no Chinese character in a Chinese term');
      else if ([...t].length < 2) this.add(`${path}[${i}]`, 'a single character is never matched');
    });
  }
}

function readRegion(p: Problems, value: unknown, path: string): void {
  const f = p.object(value, path, ['id', 'nameEn', 'nameZhFull', 'nameZh', 'abbrZh', 'type', 'capital', 'termsEn', 'termsZh', 'notMentions'], ['note']);
  if (!f) return;
  p.oneOf(f.id, `${path}.id`, REGION_IDS);
  for (const key of ['nameEn', 'nameZhFull', 'nameZh', 'abbrZh']) p.text(f[key], `${path}.${key}`);
  if (typeof f.abbrZh === 'string' && [...f.abbrZh].length !== 1) p.add(`${path}.abbrZh`, 'expected one character');
  p.oneOf(f.type, `${path}.type`, ['province', 'municipality', 'autonomous-region', 'sar']);
  const capital = p.object(f.capital, `${path}.capital`, ['en', 'zh']);
  if (capital) {
    p.text(capital.en, `${path}.capital.en`);
    p.text(capital.zh, `${path}.capital.zh`);
  }
  p.termsEn(f.termsEn, `${path}.termsEn`);
  p.termsZh(f.termsZh, `${path}.termsZh`);
  p.texts(f.notMentions, `${path}.notMentions`);
  p.optionalText(f, 'note', path);
}

function readCity(p: Problems, value: unknown, path: string): void {
  const f = p.object(value, path, ['id', 'region', 'nameEn', 'nameZh', 'termsEn', 'termsZh'], ['capital', 'note']);
  if (!f) return;
  p.id(f.id, `${path}.id`);
  p.oneOf(f.region, `${path}.region`, REGION_IDS);
  p.text(f.nameEn, `${path}.nameEn`);
  p.text(f.nameZh, `${path}.nameZh`);
  p.termsEn(f.termsEn, `${path}.termsEn`);
  p.termsZh(f.termsZh, `${path}.termsZh`);
  p.flag(f, 'capital', path);
  p.optionalText(f, 'note', path);
}

function readSectorCategory(p: Problems, value: unknown, path: string): void {
  const f = p.object(value, path, ['id', 'label', 'color', 'sectors']);
  if (!f) return;
  p.id(f.id, `${path}.id`);
  p.text(f.label, `${path}.label`);
  if (!isHexColor(f.color)) p.add(`${path}.color`, 'expected a lower-case #rrggbb colour');
  const sectors = p.array(f.sectors, `${path}.sectors`);
  if (Array.isArray(f.sectors) && sectors.length === 0) p.add(`${path}.sectors`, 'expected at least one sector');
  sectors.forEach((s, i) => {
    const at = `${path}.sectors[${i}]`;
    const sf = p.object(s, at, ['id', 'label', 'termsEn', 'termsZh'], ['note', 'source']);
    if (!sf) return;
    p.id(sf.id, `${at}.id`);
    p.text(sf.label, `${at}.label`);
    p.termsEn(sf.termsEn, `${at}.termsEn`);
    p.termsZh(sf.termsZh, `${at}.termsZh`);
    p.optionalText(sf, 'note', at);
    if ('source' in sf) {
      const src = p.object(sf.source, `${at}.source`, ['title', 'publisher', 'date', 'url', 'reliability']);
      if (src) readSourceFields(p, src, `${at}.source`);
    }
  });
}

const ENTITY_REF = /^(region|city|sector):[a-z0-9]+(?:-[a-z0-9]+)*$/;

function readCollision(p: Problems, value: unknown, path: string): void {
  const f = p.object(value, path, ['term', 'claimants', 'preferred', 'rule', 'note']);
  if (!f) return;
  p.text(f.term, `${path}.term`);
  const claimants = p.array(f.claimants, `${path}.claimants`);
  claimants.forEach((c, i) => {
    if (typeof c !== 'string' || !ENTITY_REF.test(c)) p.add(`${path}.claimants[${i}]`, 'expected "region:…", "city:…" or "sector:…"');
  });
  if (typeof f.preferred !== 'string' || !ENTITY_REF.test(f.preferred)) p.add(`${path}.preferred`, 'expected an entity reference');
  p.oneOf(f.rule, `${path}.rule`, ['context']);
  p.text(f.note, `${path}.note`);
}

function readStatement(p: Problems, f: Fields, path: string): void {
  p.id(f.id, `${path}.id`);
  p.id(f.category, `${path}.category`);
  p.ids(f.sectors, `${path}.sectors`);
  p.text(f.text, `${path}.text`);
  p.oneOf(f.stage, `${path}.stage`, DOCUMENT_STAGES);
  p.ids(f.sources, `${path}.sources`, 1);
}

function readPlan(p: Problems, value: unknown, path: string): void {
  const f = p.object(value, path, ['region', 'items', 'figures'], ['gaps']);
  if (!f) return;
  p.oneOf(f.region, `${path}.region`, REGION_IDS);
  p.array(f.items, `${path}.items`).forEach((item, i) => {
    const at = `${path}.items[${i}]`;
    const itemFields = p.object(item, at, ['id', 'category', 'sectors', 'text', 'stage', 'sources'], ['unverified']);
    if (!itemFields) return;
    readStatement(p, itemFields, at);
    p.flag(itemFields, 'unverified', at);
  });
  p.array(f.figures, `${path}.figures`).forEach((figure, i) => {
    const at = `${path}.figures[${i}]`;
    const ff = p.object(figure, at, ['id', 'label', 'value', 'sources'], ['unverified']);
    if (!ff) return;
    p.id(ff.id, `${at}.id`);
    p.text(ff.label, `${at}.label`);
    p.text(ff.value, `${at}.value`);
    p.ids(ff.sources, `${at}.sources`, 1);
    p.flag(ff, 'unverified', at);
  });
  p.optionalText(f, 'gaps', path);
}

function readNationalPriority(p: Problems, value: unknown, path: string): void {
  const f = p.object(value, path, ['id', 'category', 'sectors', 'text', 'stage', 'sources']);
  if (f) readStatement(p, f, path);
}

function readStrategy(p: Problems, value: unknown, path: string): void {
  const f = p.object(value, path, ['id', 'nameEn', 'nameZh', 'kind', 'termsEn', 'termsZh', 'members', 'purpose', 'sources', 'memberSources']);
  if (!f) return;
  p.id(f.id, `${path}.id`);
  p.text(f.nameEn, `${path}.nameEn`);
  p.text(f.nameZh, `${path}.nameZh`);
  p.oneOf(f.kind, `${path}.kind`, STRATEGY_KINDS);
  p.termsEn(f.termsEn, `${path}.termsEn`);
  p.termsZh(f.termsZh, `${path}.termsZh`);
  if (Array.isArray(f.termsEn) && Array.isArray(f.termsZh) && f.termsEn.length + f.termsZh.length === 0) p.add(path, 'no terms at all');
  const members = p.array(f.members, `${path}.members`);
  if (Array.isArray(f.members) && members.length === 0) p.add(`${path}.members`, 'expected at least 1 entries');
  members.forEach((m, i) => {
    const at = `${path}.members[${i}]`;
    const mf = p.object(m, at, ['region'], ['partial', 'note']);
    if (!mf) return;
    p.oneOf(mf.region, `${at}.region`, REGION_IDS);
    p.flag(mf, 'partial', at);
    p.optionalText(mf, 'note', at);
    if (('partial' in mf) !== ('note' in mf)) p.add(at, 'a partial member needs a note saying which part, and only a partial member has one');
  });
  p.text(f.purpose, `${path}.purpose`);
  p.ids(f.sources, `${path}.sources`, 1);
  p.ids(f.memberSources, `${path}.memberSources`, 1);
}

function readSource(p: Problems, value: unknown, path: string): void {
  const f = p.object(value, path, ['id', 'title', 'publisher', 'date', 'url', 'reliability', 'kind', 'stages', 'regions']);
  if (!f) return;
  p.id(f.id, `${path}.id`);
  readSourceFields(p, f, path);
  p.oneOf(f.kind, `${path}.kind`, SOURCE_KINDS);
  if (SOURCE_KINDS.includes(f.kind as SourceKind) && f.reliability !== GRADE_OF_KIND[f.kind as SourceKind]) {
    p.add(`${path}.reliability`, `a ${String(f.kind)} source is graded ${GRADE_OF_KIND[f.kind as SourceKind]}`);
  }
  const stages = p.array(f.stages, `${path}.stages`);
  stages.forEach((stage, i) => p.oneOf(stage, `${path}.stages[${i}]`, DOCUMENT_STAGES));
  if (Array.isArray(f.stages) && stages.length === 0) p.add(`${path}.stages`, 'expected at least 1 entries');
  p.array(f.regions, `${path}.regions`).forEach((region, i) => p.oneOf(region, `${path}.regions[${i}]`, REGION_IDS));
}

/** The fields a Source and a SectorSource share. */
function readSourceFields(p: Problems, f: Fields, path: string): void {
  p.text(f.title, `${path}.title`);
  p.text(f.publisher, `${path}.publisher`);
  if (f.date !== 'undated' && !isIsoDate(f.date)) p.add(`${path}.date`, 'expected YYYY-MM-DD or "undated"');
  if (typeof f.url !== 'string' || !/^https?:\/\/\S+$/.test(f.url)) p.add(`${path}.url`, 'expected an http(s) URL');
  p.oneOf(f.reliability, `${path}.reliability`, RELIABILITIES);
}

function readMeta(p: Problems, value: unknown, path: string): void {
  // asOf is derived from the sources (data/as-of.ts), never written in meta.json.
  const f = p.object(value, path, ['version'], ['asOf']);
  if (!f) return;
  p.text(f.version, `${path}.version`);
  if ('asOf' in f && !isIsoDate(f.asOf)) p.add(`${path}.asOf`, 'expected YYYY-MM-DD');
}

type Reader = (p: Problems, value: unknown, path: string) => void;

function guard<T>(read: Reader): (value: unknown) => value is T {
  return (value: unknown): value is T => {
    const p = new Problems();
    read(p, value, '');
    return p.list.length === 0;
  };
}

/** Type guards for single entries (shape only; references are checked by validateDataset). */
export const isRegion = guard<Region>(readRegion);
export const isCity = guard<City>(readCity);
export const isSectorCategory = guard<SectorCategory>(readSectorCategory);
export const isCollision = guard<Collision>(readCollision);
export const isRegionPlan = guard<RegionPlan>(readPlan);
export const isNationalPriority = guard<NationalPriority>(readNationalPriority);
export const isRegionalStrategy = guard<RegionalStrategy>(readStrategy);
export const isSource = guard<Source>(readSource);
export const isDataMeta = guard<DataMeta>(readMeta);

/** Every problem in the dataset: shapes first, then (if the shapes are sound) references. */
export function validateDataset(raw: DatasetInput): string[] {
  const p = new Problems();
  const each = (value: unknown, name: string, read: Reader): void =>
    p.array(value, name).forEach((entry, i) => read(p, entry, `${name}[${i}]`));
  each(raw.regions, 'regions', readRegion);
  each(raw.cities, 'cities', readCity);
  each(raw.collisions, 'collisions', readCollision);
  each(raw.sectors, 'sectors', readSectorCategory);
  each(raw.plans, 'plans', readPlan);
  each(raw.national, 'national', readNationalPriority);
  each(raw.clusters, 'clusters', readStrategy);
  each(raw.sources, 'sources', readSource);
  readMeta(p, raw.meta, 'meta');
  if (p.list.length > 0) return p.list;
  // The shapes are sound, so the JSON is the Dataset it claims to be.
  checkReferences(p, raw as unknown as Dataset);
  return p.list;
}

/** True if the dataset has no problem at all. */
export function isDataset(raw: DatasetInput): raw is DatasetInput & Dataset {
  return validateDataset(raw).length === 0;
}

function reportDuplicates(p: Problems, ids: readonly string[], where: string): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) p.add(where, `duplicate id "${id}"`);
    seen.add(id);
  }
}

/** Every term of every region, city and sector, by key, with the entities claiming it. */
export function termClaims(data: Pick<Dataset, 'regions' | 'cities' | 'sectors'>): Map<string, Set<EntityRef>> {
  const claims = new Map<string, Set<EntityRef>>();
  const claim = (ref: EntityRef, terms: readonly string[]): void => {
    for (const term of terms) {
      const key = termKey(term);
      const set = claims.get(key) ?? new Set<EntityRef>();
      set.add(ref);
      claims.set(key, set);
    }
  };
  for (const r of data.regions) claim(`region:${r.id}`, [...r.termsEn, ...r.termsZh]);
  for (const c of data.cities) claim(`city:${c.id}`, [...c.termsEn, ...c.termsZh]);
  for (const cat of data.sectors) for (const s of cat.sectors) claim(`sector:${s.id}`, [...s.termsEn, ...s.termsZh]);
  return claims;
}

function checkReferences(p: Problems, data: Dataset): void {
  // Ids.
  for (const id of REGION_IDS) if (!data.regions.some((r) => r.id === id)) p.add('regions', `missing region "${id}"`);
  reportDuplicates(p, data.regions.map((r) => r.id), 'regions');
  reportDuplicates(p, data.cities.map((c) => c.id), 'cities');
  reportDuplicates(p, data.sectors.map((c) => c.id), 'sectors');
  const sectorIds = data.sectors.flatMap((c) => c.sectors.map((s) => s.id));
  reportDuplicates(p, sectorIds, 'sectors[].sectors');
  reportDuplicates(p, data.sources.map((s) => s.id), 'sources');
  reportDuplicates(p, data.plans.map((plan) => plan.region), 'plans (regions)');
  const statementIds = [
    ...data.plans.flatMap((plan) => [...plan.items, ...plan.figures].map((x) => x.id)),
    ...data.national.map((n) => n.id),
  ];
  reportDuplicates(p, statementIds, 'plans and national (item and figure ids)');
  for (const id of REGION_IDS) if (!data.plans.some((plan) => plan.region === id)) p.add('plans', `no plan for "${id}"`);

  // Names, terms and capitals.
  data.regions.forEach((r, i) => {
    const at = `regions[${i}]`;
    if (!r.termsEn.includes(r.nameEn)) p.add(`${at}.termsEn`, 'must include nameEn');
    if (!r.termsZh.includes(r.nameZhFull) || !r.termsZh.includes(r.nameZh)) p.add(`${at}.termsZh`, 'must include nameZhFull and nameZh');
    if (r.termsZh.includes(r.abbrZh)) p.add(`${at}.termsZh`, 'must not include the one-character abbreviation');
    const capitals = data.cities.filter((c) => c.region === r.id && c.capital === true);
    const matches = capitals.every((c) => c.nameZh === r.capital.zh || c.termsZh.includes(r.capital.zh));
    const needsOne = r.type === 'province' || r.type === 'autonomous-region';
    if ((needsOne && capitals.length !== 1) || capitals.length > 1 || !matches) {
      p.add(`${at}.capital`, `expected ${needsOne ? 'exactly one' : 'at most one'} city marked capital, named ${r.capital.zh}`);
    }
  });
  data.cities.forEach((c, i) => {
    const at = `cities[${i}]`;
    if (c.termsEn.length + c.termsZh.length === 0) p.add(at, 'no terms at all');
    const namesMatched =
      c.termsEn.some((t) => foldTermEn(t) === foldTermEn(c.nameEn)) && c.termsZh.includes(c.nameZh);
    if (!namesMatched && c.note === undefined) p.add(at, 'nameEn and nameZh must be among the terms, or a note must say why not');
  });

  // Terms claimed twice must be declared as collisions, and every collision must be real.
  const claims = termClaims(data);
  const entities = new Set<string>([
    ...data.regions.map((r) => `region:${r.id}`),
    ...data.cities.map((c) => `city:${c.id}`),
    ...sectorIds.map((id) => `sector:${id}`),
  ]);
  const declared = new Map<string, Collision>();
  data.collisions.forEach((col, i) => {
    const at = `collisions[${i}]`;
    const key = termKey(col.term);
    if (declared.has(key)) p.add(at, `"${col.term}" declared twice`);
    declared.set(key, col);
    for (const ref of col.claimants) if (!entities.has(ref)) p.add(at, `unknown claimant ${ref}`);
    if (!col.claimants.includes(col.preferred)) p.add(`${at}.preferred`, 'must be one of the claimants');
    const actual = [...(claims.get(key) ?? [])].sort();
    if (actual.join() !== [...col.claimants].sort().join()) {
      p.add(at, `claimants ${col.claimants.join(', ')} differ from the entities that claim "${col.term}": ${actual.join(', ') || 'none'}`);
    }
  });
  for (const [key, refs] of claims) {
    if (refs.size > 1 && !declared.has(key)) p.add('collisions', `"${key}" is claimed by ${[...refs].join(', ')} but not declared`);
  }
  const perEntity = (ref: string, terms: readonly string[]): void => {
    const keys = terms.map(termKey);
    if (new Set(keys).size !== keys.length) p.add(ref, 'the same term is listed twice (after folding)');
  };
  for (const r of data.regions) perEntity(`region:${r.id}`, [...r.termsEn, ...r.termsZh]);
  for (const c of data.cities) perEntity(`city:${c.id}`, [...c.termsEn, ...c.termsZh]);
  for (const cat of data.sectors) for (const s of cat.sectors) perEntity(`sector:${s.id}`, [...s.termsEn, ...s.termsZh]);

  // Not-mentions contain a name of the region (or of one of its cities) and are not names.
  data.regions.forEach((r, i) => {
    const names = [r, ...data.cities.filter((c) => c.region === r.id)].flatMap((e) => [...e.termsEn, ...e.termsZh]);
    r.notMentions.forEach((phrase, j) => {
      const at = `regions[${i}].notMentions[${j}]`;
      const folded = foldTermEn(phrase);
      if (!names.some((n) => (hasHan(n) ? phrase.includes(n) : folded.includes(foldTermEn(n))))) {
        p.add(at, `"${phrase}" contains no name of ${r.id} or its cities`);
      }
      if (claims.has(termKey(phrase))) p.add(at, `"${phrase}" is itself a term`);
    });
  });

  // Plans and national priorities: categories, sectors and sources resolve.
  const categoryIds = new Set([...data.sectors.map((c) => c.id), OVERALL_CATEGORY]);
  if (data.sectors.some((c) => c.id === OVERALL_CATEGORY)) p.add('sectors', `"${OVERALL_CATEGORY}" is reserved`);
  const sectorSet = new Set(sectorIds);
  const sourceById = new Map(data.sources.map((s) => [s.id, s]));
  const cited = new Set<string>();
  const checkSources = (ids: readonly string[], unverified: boolean | undefined, at: string): void => {
    for (const id of ids) {
      cited.add(id);
      if (!sourceById.has(id)) p.add(`${at}.sources`, `unknown source "${id}"`);
    }
    if (new Set(ids).size !== ids.length) p.add(`${at}.sources`, 'a source is listed twice');
    const allLow = ids.every((id) => sourceById.get(id)?.reliability === 'low');
    if (allLow !== (unverified === true)) {
      p.add(at, allLow ? 'rests only on low-reliability sources: mark it unverified' : 'marked unverified but has a medium or high source');
    }
    // A verified entry rests wholly on medium or high sources: a claim a low source adds is split
    // off into an unverified entry of its own, so nothing shown as fact leans on a mirror.
    if (!allLow && ids.some((id) => sourceById.get(id)?.reliability === 'low')) {
      p.add(`${at}.sources`, 'a verified entry cites a low-reliability source: split that claim off as unverified');
    }
  };
  const checkCoverage = (ids: readonly string[], region: RegionId | undefined, stage: DocumentStage | undefined, at: string): void => {
    const cited = ids.map((id) => sourceById.get(id)).filter((s): s is Source => s !== undefined);
    if (region !== undefined) {
      for (const s of cited) if (!s.regions.includes(region)) p.add(`${at}.sources`, `"${s.id}" does not report on ${region}`);
    } else {
      for (const s of cited) if (s.regions.length > 0) p.add(`${at}.sources`, `"${s.id}" is a regional source`);
    }
    if (stage !== undefined && !cited.some((s) => s.stages.includes(stage))) {
      p.add(`${at}.stage`, `"${stage}" is not a stage its sources report on (${[...new Set(cited.flatMap((s) => s.stages))].join(', ')})`);
    }
  };
  const checkStatement = (s: PlanItem | NationalPriority, at: string): void => {
    if (!categoryIds.has(s.category)) p.add(`${at}.category`, `unknown category "${s.category}"`);
    for (const id of s.sectors) if (!sectorSet.has(id)) p.add(`${at}.sectors`, `unknown sector "${id}"`);
    if (new Set(s.sectors).size !== s.sectors.length) p.add(`${at}.sectors`, 'a sector is listed twice');
  };
  data.plans.forEach((plan, i) => {
    plan.items.forEach((item, j) => {
      const at = `plans[${i}].items[${j}]`;
      checkStatement(item, at);
      checkSources(item.sources, item.unverified, at);
      checkCoverage(item.sources, plan.region, item.stage, at);
    });
    plan.figures.forEach((figure, j) => {
      const at = `plans[${i}].figures[${j}]`;
      checkSources(figure.sources, figure.unverified, at);
      checkCoverage(figure.sources, plan.region, undefined, at);
    });
  });
  data.national.forEach((n, i) => {
    const at = `national[${i}]`;
    checkStatement(n, at);
    checkCoverage(n.sources, undefined, n.stage, at);
    // National priorities have no unverified group: each needs a medium or high source.
    checkSources(n.sources, false, at);
  });
  // National regional strategies: members, terms and sources resolve.
  reportDuplicates(p, data.clusters.map((s) => s.id), 'clusters');
  const strategyTerms = new Map<string, string>();
  data.clusters.forEach((s, i) => {
    const at = `clusters[${i}]`;
    const members = s.members.map((m) => m.region);
    if (new Set(members).size !== members.length) p.add(`${at}.members`, 'a region is listed twice');
    for (const term of [...s.termsEn, ...s.termsZh]) {
      const key = termKey(term);
      // A place name is never a strategy's term. Sector terms may be shared: the
      // regional-strategies sector names the same strategies as a topic, and which mark wins
      // is the matcher's rule.
      const places = [...(claims.get(key) ?? [])].filter((ref) => !ref.startsWith('sector:'));
      if (places.length > 0) p.add(`${at}.terms`, `"${term}" is already a name of ${places.join(', ')}`);
      const other = strategyTerms.get(key);
      if (other !== undefined) p.add(`${at}.terms`, `"${term}" is also a term of ${other}`);
      strategyTerms.set(key, s.id);
    }
    for (const [field, ids] of [['sources', s.sources], ['memberSources', s.memberSources]] as const) {
      for (const id of ids) {
        cited.add(id);
        if (!sourceById.has(id)) p.add(`${at}.${field}`, `unknown source "${id}"`);
      }
      if (new Set(ids).size !== ids.length) p.add(`${at}.${field}`, 'a source is listed twice');
    }
    // The purpose is shown as fact: it rests on medium or high sources only.
    if (s.sources.some((id) => sourceById.get(id)?.reliability === 'low')) p.add(`${at}.sources`, 'the purpose cites a low-reliability source');
  });

  data.sources.forEach((s, i) => {
    if (!cited.has(s.id)) p.add(`sources[${i}]`, `"${s.id}" is cited by nothing`);
  });

  // A derived as-of date (data/as-of.ts) is the newest date among the sources.
  const newest = newestSourceDate(data.sources);
  if ('asOf' in data.meta && newest !== undefined && data.meta.asOf !== newest) p.add('meta.asOf', `expected ${newest}, the newest source date`);
}
