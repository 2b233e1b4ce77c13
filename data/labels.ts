/** Human labels for the data's enums and dates, shared by the popup's cards and its Markdown. */
import type { DocumentStage, Region, RegionType, StrategyKind, StrategyMember } from './schema';

export const REGION_TYPE_LABEL: Readonly<Record<RegionType, string>> = {
  province: 'Province',
  municipality: 'Municipality',
  'autonomous-region': 'Autonomous region',
  sar: 'Special administrative region',
};

export const STAGE_LABEL: Readonly<Record<DocumentStage, string>> = {
  recommendations: 'Recommendations',
  'work-report': 'Government work report',
  outline: 'Plan outline',
  budget: 'Budget report',
  'official-statement': 'Official statement',
  'news-report': 'News report',
};

export const STRATEGY_KIND_LABEL: Readonly<Record<StrategyKind, string>> = {
  'major-regional': 'Major regional strategy',
  'four-regions': 'Strategy for one of the four great regions',
  'opening-up': 'Opening-up platform',
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2025-10-28" → "28 Oct 2025"; "2025-10" → "Oct 2025"; anything else ("undated") as given. */
export function formatDate(date: string): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(date);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!m || !month) return date;
  return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
}

/** "1 mention", "3 mentions". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** A strategy's member as plain text: "Guangdong (part)"; the id when the region is unknown. */
export function strategyMemberLabel(member: StrategyMember, regionById: ReadonlyMap<string, Region> | undefined): string {
  return `${regionById?.get(member.region)?.nameEn ?? member.region}${member.partial ? ' (part)' : ''}`;
}
