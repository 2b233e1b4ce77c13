/**
 * The dataset's types and the constants that enumerate them, declared once. Every module that
 * reads data/ imports them from here; data/validate.ts checks the JSON files against them.
 */

/** The 33 provincial-level region ids (DEVELOPERS.md contract). */
export const REGION_IDS = [
  'anhui', 'beijing', 'chongqing', 'fujian', 'gansu', 'guangdong', 'guangxi', 'guizhou',
  'hainan', 'hebei', 'heilongjiang', 'henan', 'hong-kong', 'hubei', 'hunan', 'inner-mongolia',
  'jiangsu', 'jiangxi', 'jilin', 'liaoning', 'macao', 'ningxia', 'qinghai', 'shaanxi',
  'shandong', 'shanghai', 'shanxi', 'sichuan', 'tianjin', 'xinjiang', 'xizang', 'yunnan',
  'zhejiang',
] as const;
export type RegionId = (typeof REGION_IDS)[number];

export type RegionType = 'province' | 'municipality' | 'autonomous-region' | 'sar';

/** A provincial-level region (data/regions.json). */
export interface Region {
  id: RegionId;
  nameEn: string;
  /** Official Chinese name, e.g. 浙江省. */
  nameZhFull: string;
  /** Short Chinese name, e.g. 浙江. */
  nameZh: string;
  /** One-character abbreviation, e.g. 浙: for display only, never matched. */
  abbrZh: string;
  type: RegionType;
  capital: { en: string; zh: string };
  /** English names matched in text (nameEn included), e.g. "Guangxi Zhuang Autonomous Region". */
  termsEn: string[];
  /** Chinese names matched in text (nameZhFull and nameZh included). */
  termsZh: string[];
  /** Phrases containing one of the names that are not a mention of the region (Peking University). */
  notMentions: string[];
  /** For maintainers: why a common name is left out of the terms ('Canton', 'TAR'). Not shown. */
  note?: string;
}

/** A city or other notable place inside a region (data/cities.json). */
export interface City {
  /** kebab-case, unique; cities whose names collide get a region suffix (suzhou-anhui). */
  id: string;
  region: RegionId;
  nameEn: string;
  nameZh: string;
  termsEn: string[];
  termsZh: string[];
  /** True for the region's capital. */
  capital?: boolean;
  /** For maintainers: why a name is left out of the terms ('Ali' for Ngari). Not shown. */
  note?: string;
}

/** A sector category (data/sectors.json); the category ids are also the settings keys. */
export interface SectorCategory {
  id: string;
  label: string;
  /** Highlight colour (#rrggbb) for light pages; the options page may override it. */
  color: string;
  sectors: Sector[];
}

export interface Sector {
  id: string;
  label: string;
  /**
   * English terms matched in text. Matching folds case, hyphen/space and a plural "s";
   * a term written in capitals or with digits (AI, NEV, 6G) is matched case-exactly.
   */
  termsEn: string[];
  termsZh: string[];
  /** For maintainers: why a tempting term is left out ('BCI', bare 'chips'). Not shown. */
  note?: string;
  /**
   * For a sector beyond the research pack's taxonomy only: the page that names it as a priority.
   * The pack's own sectors rest on the pack's sources.
   */
  source?: SectorSource;
}

/** Where a sector added beyond the research pack comes from: a stored public page. */
export interface SectorSource {
  title: string;
  publisher: string;
  /** ISO date (YYYY-MM-DD) or "undated". */
  date: string;
  url: string;
  reliability: Reliability;
}

/**
 * A plan item's or national priority's `category` is a sector category id, or this id for
 * items about the plan as a whole (adoption dates, headline goals, indicators). It is not a
 * SectorCategory: it has no colour and no sectors, and it is never a highlight.
 */
export const OVERALL_CATEGORY = 'overall';

/**
 * A term claimed by two entities (Suzhou 苏州 in Jiangsu and 宿州 in Anhui). The matcher picks
 * `preferred` unless the text around the mention names the region of another claimant.
 */
export interface Collision {
  term: string;
  /** Entity ids ("city:suzhou-jiangsu", "region:jilin", "sector:…"). */
  claimants: EntityRef[];
  preferred: EntityRef;
  rule: 'context';
  note: string;
}
/** A strategy (cluster) is a claimant in the matcher's reports only; collisions name regions, cities and sectors. */
export type EntityRef = `${'region' | 'city' | 'sector' | 'cluster'}:${string}`;

export type DocumentStage =
  | 'recommendations'
  | 'work-report'
  | 'outline'
  | 'budget'
  | 'official-statement'
  | 'news-report';

/** Every DocumentStage (the record makes the compiler catch a stage added to the type only). */
export const DOCUMENT_STAGES = Object.keys({
  recommendations: true,
  'work-report': true,
  outline: true,
  budget: true,
  'official-statement': true,
  'news-report': true,
} satisfies Record<DocumentStage, true>) as DocumentStage[];

/** One plan priority of one region (data/plans.json). Text is our own paraphrase. */
export interface PlanItem {
  id: string;
  /** A sector category id or OVERALL_CATEGORY. */
  category: string;
  sectors: string[];
  text: string;
  stage: DocumentStage;
  sources: string[];
  /** Rests only on low-reliability sources: shown only in a marked "unverified" group. */
  unverified?: boolean;
}

export interface Figure {
  id: string;
  label: string;
  value: string;
  sources: string[];
  unverified?: boolean;
}

export interface RegionPlan {
  region: RegionId;
  items: PlanItem[];
  figures: Figure[];
  /** What the research could not find for this region, in our words. */
  gaps?: string;
}

/** A national priority (Recommendations Oct 2025, Outline Mar 2026): data/national.json. */
export interface NationalPriority {
  id: string;
  category: string;
  sectors: string[];
  text: string;
  stage: DocumentStage;
  sources: string[];
}

export type Reliability = 'high' | 'medium' | 'low';
export const RELIABILITIES: readonly Reliability[] = ['high', 'medium', 'low'];

/**
 * What kind of publication a source is; its reliability follows from the kind (GRADE_OF_KIND):
 * official bodies, major outlets and research institutes are high; other identifiable outlets,
 * reprints of an identifiable outlet on a legitimate site, and analysts are medium; mirror
 * sites, aggregators, machine (AI) summaries, self-media and press releases are low.
 */
export type SourceKind =
  | 'official'
  | 'major-outlet'
  | 'research'
  | 'outlet'
  | 'reprint'
  | 'analyst'
  | 'mirror'
  | 'aggregator'
  | 'machine-summary'
  | 'self-media'
  | 'press-release';

export const GRADE_OF_KIND: Readonly<Record<SourceKind, Reliability>> = {
  official: 'high',
  'major-outlet': 'high',
  research: 'high',
  outlet: 'medium',
  reprint: 'medium',
  analyst: 'medium',
  mirror: 'low',
  aggregator: 'low',
  'machine-summary': 'low',
  'self-media': 'low',
  'press-release': 'low',
};
export const SOURCE_KINDS = Object.keys(GRADE_OF_KIND) as SourceKind[];

export interface Source {
  id: string;
  title: string;
  publisher: string;
  /** ISO date (YYYY-MM-DD) or "undated". */
  date: string;
  url: string;
  reliability: Reliability;
  kind: SourceKind;
  /** The document stages the source reports on; an item citing it has one of them. */
  stages: DocumentStage[];
  /** The regions the source reports on (empty for a national source). */
  regions: RegionId[];
}

/**
 * What kind of national regional strategy: one of the major regional strategies (city clusters
 * and river belts), one of the four great regions' development strategies, or an opening-up
 * platform.
 */
export type StrategyKind = 'major-regional' | 'four-regions' | 'opening-up';

/** Every StrategyKind (the record makes the compiler catch a kind added to the type only). */
export const STRATEGY_KINDS = Object.keys({
  'major-regional': true,
  'four-regions': true,
  'opening-up': true,
} satisfies Record<StrategyKind, true>) as StrategyKind[];

/** A provincial-level region taking part in a strategy, whole or in part. */
export interface StrategyMember {
  region: RegionId;
  /** Only part of the region belongs (some cities or counties); `note` says which. */
  partial?: true;
  /** Which part belongs, in our words. Required with `partial`. */
  note?: string;
}

/**
 * A national regional strategy the 15th Five-Year Plan names (data/clusters.json): the
 * Greater Bay Area, the Yangtze River Delta, western development… Highlighted as
 * `data-fyp-kind="cluster"`.
 */
export interface RegionalStrategy {
  /** kebab-case, unique; the highlight's data-fyp-id. */
  id: string;
  nameEn: string;
  nameZh: string;
  kind: StrategyKind;
  /**
   * English terms to match: full names and common abbreviations. Never a bare region or city
   * name, and never a plain geographic name ("Yellow River basin") that is not the strategy.
   */
  termsEn: string[];
  /** Chinese terms to match (nameZh among them when it is what news writes). */
  termsZh: string[];
  members: StrategyMember[];
  /** The strategy's role in the plan, one or two sentences of our own. */
  purpose: string;
  /** What the purpose rests on: at least one medium or high source, none low. */
  sources: string[];
  /** What the membership rests on (often the strategy's founding plan). */
  memberSources: string[];
}

/** data/meta.json as written: the data's version. */
export interface DataMetaInput {
  version: string;
}

/** Shown to users: the data's version and its as-of date, the newest date among the sources. */
export interface DataMeta extends DataMetaInput {
  asOf: string;
}

/** The JSON files of data/ as parsed, before validation. */
export interface DatasetInput {
  regions: unknown;
  cities: unknown;
  collisions: unknown;
  sectors: unknown;
  plans: unknown;
  national: unknown;
  clusters: unknown;
  sources: unknown;
  meta: unknown;
}

/** The JSON files of data/, validated. */
export interface Dataset {
  regions: Region[];
  cities: City[];
  collisions: Collision[];
  sectors: SectorCategory[];
  plans: RegionPlan[];
  national: NationalPriority[];
  clusters: RegionalStrategy[];
  sources: Source[];
  meta: DataMeta;
}
