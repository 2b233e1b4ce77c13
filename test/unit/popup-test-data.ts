/** A small hand-written dataset and page results for the popup's unit tests (not the real data). */
import type { PageMention, PageResults } from '../../data/protocol';
import type { City, DataMeta, NationalPriority, Region, RegionId, RegionPlan, Sector, SectorCategory, Source } from '../../data/schema';
import type { AppData } from '../../components/popup/SummaryApp';

function region(id: RegionId, nameEn: string, nameZh: string, type: Region['type'], capital: [string, string]): Region {
  return {
    id,
    nameEn,
    nameZh,
    nameZhFull: type === 'province' ? `${nameZh}省` : `${nameZh}市`,
    abbrZh: nameZh.slice(0, 1),
    type,
    capital: { en: capital[0], zh: capital[1] },
    termsEn: [nameEn],
    termsZh: [nameZh],
    notMentions: [],
  };
}

export const regions: Region[] = [
  region('zhejiang', 'Zhejiang', '浙江', 'province', ['Hangzhou', '杭州']),
  region('guangdong', 'Guangdong', '广东', 'province', ['Guangzhou', '广州']),
  region('shanghai', 'Shanghai', '上海', 'municipality', ['Shanghai', '上海']),
];

export const cities: City[] = [
  { id: 'ningbo', region: 'zhejiang', nameEn: 'Ningbo', nameZh: '宁波', termsEn: ['Ningbo'], termsZh: ['宁波'] },
  { id: 'hangzhou', region: 'zhejiang', nameEn: 'Hangzhou', nameZh: '杭州', termsEn: ['Hangzhou'], termsZh: ['杭州'], capital: true },
  { id: 'shenzhen', region: 'guangdong', nameEn: 'Shenzhen', nameZh: '深圳', termsEn: ['Shenzhen'], termsZh: ['深圳'] },
];

const sector = (id: string, label: string): Sector => ({ id, label, termsEn: [label], termsZh: [] });

export const categories: SectorCategory[] = [
  { id: 'digital', label: 'Digital and AI', color: '#5b8def', sectors: [sector('ai', 'Artificial intelligence'), sector('computing', 'Computing power')] },
  { id: 'energy', label: 'Energy', color: '#3b9a3b', sectors: [sector('hydrogen', 'Hydrogen')] },
];

export const sources: Source[] = [
  { id: 'zj-outline', title: 'Zhejiang plan outline', publisher: 'Zhejiang Government', date: '2026-01-20', url: 'https://example.gov.cn/zj', reliability: 'high', kind: 'official', stages: ['outline'], regions: ['zhejiang'] },
  { id: 'zj-news', title: 'Zhejiang news', publisher: 'Xinhua', date: '2025-12-01', url: 'https://example.cn/news', reliability: 'medium', kind: 'outlet', stages: ['news-report'], regions: ['zhejiang'] },
  { id: 'nat-src', title: 'National recommendations', publisher: 'Xinhua', date: '2025-10-28', url: 'https://example.cn/national', reliability: 'high', kind: 'major-outlet', stages: ['recommendations'], regions: [] },
  { id: 'blog', title: 'A blog', publisher: 'Some Blog', date: 'undated', url: 'https://blog.example/post', reliability: 'low', kind: 'self-media', stages: ['news-report'], regions: ['zhejiang'] },
];

export const plans: RegionPlan[] = [
  {
    region: 'zhejiang',
    items: [
      { id: 'zj-outline', category: 'overall', sectors: [], text: 'The outline was adopted in January 2026.', stage: 'outline', sources: ['zj-outline'] },
      { id: 'zj-ai', category: 'digital', sectors: ['ai', 'computing'], text: 'Build AI computing centres in Hangzhou.', stage: 'outline', sources: ['zj-outline', 'zj-news'] },
      { id: 'zj-h2', category: 'energy', sectors: ['hydrogen'], text: 'Pilot hydrogen trucks at the port.', stage: 'work-report', sources: ['zj-news'] },
      { id: 'zj-rumour', category: 'digital', sectors: ['ai'], text: 'A rumoured AI fund of record size.', stage: 'news-report', sources: ['blog'], unverified: true },
    ],
    figures: [{ id: 'zj-rd', label: 'R&D spending', value: '3.3% of GDP by 2030', sources: ['zj-outline'] }],
  },
  { region: 'guangdong', items: [], figures: [], gaps: 'No provincial outline published yet.' },
];

export const national: NationalPriority[] = [
  { id: 'nat-outline', category: 'overall', sectors: [], text: 'The national outline was adopted.', stage: 'outline', sources: ['nat-src'] },
  { id: 'nat-h2', category: 'energy', sectors: ['hydrogen'], text: 'Hydrogen is a future industry.', stage: 'recommendations', sources: ['nat-src'] },
  { id: 'nat-ai', category: 'digital', sectors: ['ai', 'computing'], text: 'AI Plus across the economy.', stage: 'recommendations', sources: ['nat-src'] },
];

export const meta: DataMeta = { version: '2026.03-test', asOf: '2026-03-15' };

export const testData: AppData = {
  categories,
  meta,
  national,
  planByRegion: new Map(plans.map((p) => [p.region, p])),
  regionById: new Map(regions.map((r) => [r.id, r])),
  cityById: new Map(cities.map((c) => [c.id, c])),
  sectorById: new Map(categories.flatMap((category) => category.sectors.map((s) => [s.id, { sector: s, category }] as const))),
  sourceById: new Map(sources.map((s) => [s.id, s])),
  strategyById: new Map(),
};

function mention(kind: PageMention['kind'], id: string, block: number, sentence: string, extra: Partial<PageMention> = {}): PageMention {
  return { kind, id, text: id, sentence, block, ...extra };
}

/** Guangdong first on the page, but Zhejiang named more often (twice plus Ningbo). */
export const articleResults: PageResults = {
  url: 'https://news.cgtn.com/a/1.html',
  title: 'Provinces plan ahead',
  state: 'ready',
  mentions: [
    mention('region', 'guangdong', 0, 'Guangdong wants AI.', { region: 'guangdong' }),
    mention('sector', 'ai', 0, 'Guangdong wants AI.', { category: 'digital' }),
    mention('region', 'zhejiang', 1, 'Zhejiang bets on computing power.', { region: 'zhejiang' }),
    mention('sector', 'computing', 1, 'Zhejiang bets on computing power.', { category: 'digital' }),
    mention('city', 'ningbo', 1, 'Ningbo builds <b>ports</b> & <img src=x onerror=alert(1)>.', { region: 'zhejiang' }),
    mention('region', 'zhejiang', 2, 'Later, Zhejiang adds hydrogen and AI.', { region: 'zhejiang' }),
    mention('sector', 'hydrogen', 2, 'Later, Zhejiang adds hydrogen and AI.', { category: 'energy' }),
    mention('sector', 'ai', 2, 'Later, Zhejiang adds hydrogen and AI.', { category: 'digital' }),
    mention('city', 'shenzhen', 3, 'Shenzhen makes chips.', { region: 'guangdong' }),
  ],
};
