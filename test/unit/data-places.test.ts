// @vitest-environment node
/**
 * The place list against a complete reference: every prefecture-level division of mainland
 * China (data/prefectures.json, with its sources) must be a city entry of data/cities.json under
 * the right region, and the county-level places national news names must be there too. Names
 * that are also common words must stay out of the terms, and the real matcher must mark the new
 * names in text while leaving those words alone.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { categories, cities, collisions, regions } from '../../data/dictionary';
import { REGION_IDS, type RegionId } from '../../data/schema';
import { hasHan, isIsoDate } from '../../data/validate';
import { compileDictionary, findMatches } from '../../entrypoints/content/matcher';

type DivisionType = 'prefecture-level-city' | 'autonomous-prefecture' | 'league' | 'prefecture';

interface Division {
  region: RegionId;
  type: DivisionType;
  nameEn: string;
  nameZh: string;
  city: string;
}

interface ReferenceList {
  about: string;
  sources: { title: string; publisher: string; url: string; date: string; reliability: string; use: string }[];
  divisions: Division[];
}

const PATH = fileURLToPath(new URL('../../data/prefectures.json', import.meta.url));
const TEXT = readFileSync(PATH, 'utf8');
const LIST = JSON.parse(TEXT) as ReferenceList;
const DIVISIONS = LIST.divisions;
const cityById = new Map(cities.map((c) => [c.id, c]));

/**
 * Divisions per region by type: [cities, prefectures, autonomous prefectures, leagues], from the
 * per-province table of the reference's third source (as of January 2019, unchanged since).
 */
const PER_REGION: Partial<Record<RegionId, [number, number, number, number]>> = {
  anhui: [16, 0, 0, 0], fujian: [9, 0, 0, 0], gansu: [12, 0, 2, 0], guangdong: [21, 0, 0, 0], guangxi: [14, 0, 0, 0],
  guizhou: [6, 0, 3, 0], hainan: [4, 0, 0, 0], hebei: [11, 0, 0, 0], heilongjiang: [12, 1, 0, 0], henan: [17, 0, 0, 0],
  hubei: [12, 0, 1, 0], hunan: [13, 0, 1, 0], 'inner-mongolia': [9, 0, 0, 3], jiangsu: [13, 0, 0, 0], jiangxi: [11, 0, 0, 0],
  jilin: [8, 0, 1, 0], liaoning: [14, 0, 0, 0], ningxia: [5, 0, 0, 0], qinghai: [2, 0, 6, 0], shaanxi: [10, 0, 0, 0],
  shandong: [16, 0, 0, 0], shanxi: [11, 0, 0, 0], sichuan: [18, 0, 3, 0], xinjiang: [4, 5, 5, 0], xizang: [6, 1, 0, 0],
  yunnan: [8, 0, 8, 0], zhejiang: [11, 0, 0, 0],
};
const TYPES: DivisionType[] = ['prefecture-level-city', 'prefecture', 'autonomous-prefecture', 'league'];
/** The ending of the official Chinese name of each type. */
const SUFFIX: Record<DivisionType, string> = {
  'prefecture-level-city': '市',
  prefecture: '地区',
  'autonomous-prefecture': '自治州',
  league: '盟',
};

describe('the reference list (data/prefectures.json)', () => {
  it('is normalised JSON and records its sources', () => {
    expect(`${JSON.stringify(LIST, null, 2)}\n`).toBe(TEXT);
    expect(LIST.sources.length).toBeGreaterThanOrEqual(2);
    for (const s of LIST.sources) {
      expect(s.url, s.title).toMatch(/^https?:\/\/\S+$/);
      expect(s.date === 'undated' || isIsoDate(s.date), s.title).toBe(true);
      expect(['high', 'medium', 'low'], s.title).toContain(s.reliability);
      expect(s.publisher.length, s.title).toBeGreaterThan(0);
      expect(s.use.length, s.title).toBeGreaterThan(0);
    }
    expect(LIST.sources.some((s) => s.reliability === 'high')).toBe(true);
  });

  it('has 333 divisions: 293 prefecture-level cities, 30 autonomous prefectures, 7 prefectures, 3 leagues', () => {
    const count = (type: DivisionType): number => DIVISIONS.filter((d) => d.type === type).length;
    expect(DIVISIONS).toHaveLength(333);
    expect(TYPES.map(count)).toEqual([293, 7, 30, 3]);
  });

  it.each(REGION_IDS.map((id) => [id]))('%s has the divisions the source counts for it', (region) => {
    const ofRegion = DIVISIONS.filter((d) => d.region === region);
    expect(TYPES.map((t) => ofRegion.filter((d) => d.type === t).length)).toEqual(PER_REGION[region] ?? [0, 0, 0, 0]);
  });

  it('names each division once, with a Chinese name ending as its type requires', () => {
    expect(new Set(DIVISIONS.map((d) => d.nameZh)).size).toBe(DIVISIONS.length);
    expect(new Set(DIVISIONS.map((d) => d.city)).size).toBe(DIVISIONS.length);
    const wrong = DIVISIONS.filter((d) => !hasHan(d.nameZh) || !d.nameZh.endsWith(SUFFIX[d.type]) || d.nameEn.trim() === '');
    expect(wrong.map((d) => d.nameZh)).toEqual([]);
  });
});

describe('every prefecture-level division is a place of data/cities.json', () => {
  it.each(DIVISIONS.map((d) => [d.nameZh, d]))('%s', (_name, d) => {
    const city = cityById.get(d.city);
    expect(city, `no city entry "${d.city}"`).toBeDefined();
    expect(city?.region).toBe(d.region);
    // Matched by its official Chinese name, and by an English name.
    expect(city?.termsZh).toContain(d.nameZh);
    expect(city?.termsEn.length).toBeGreaterThan(0);
  });
});

describe('county-level places that national news names', () => {
  it.each([
    ['kunshan', 'jiangsu'], ['jiangyin', 'jiangsu'], ['zhangjiagang', 'jiangsu'], ['suzhou-industrial-park', 'jiangsu'],
    ['yiwu', 'zhejiang'], ['wuzhen', 'zhejiang'], ['xiaoshan', 'zhejiang'], ['jinjiang', 'fujian'], ['pingtan', 'fujian'],
    ['pudong', 'shanghai'], ['lingang', 'shanghai'], ['zhangjiang', 'shanghai'], ['lujiazui', 'shanghai'], ['binhai-new-area', 'tianjin'],
    ['liangjiang-new-area', 'chongqing'], ['xiongan-new-area', 'hebei'], ['caofeidian', 'hebei'], ['zhongguancun', 'beijing'],
    ['qianhai', 'guangdong'], ['nansha', 'guangdong'], ['hengqin', 'guangdong'], ['nanshan-shenzhen', 'guangdong'],
    ['futian', 'guangdong'], ['longgang', 'guangdong'], ['baoan', 'guangdong'], ['shunde', 'guangdong'], ['boao', 'hainan'],
    ['yangpu', 'hainan'], ['tianfu-new-area', 'sichuan'], ['optics-valley', 'hubei'], ['xiangjiang-new-area', 'hunan'],
    ['west-coast-new-area', 'shandong'], ['zhengzhou-airport-zone', 'henan'], ['horgos', 'xinjiang'], ['manzhouli', 'inner-mongolia'],
    ['shekou', 'guangdong'], ['songshan-lake', 'guangdong'], ['waigaoqiao', 'shanghai'], ['zhuji', 'zhejiang'], ['danyang', 'jiangsu'],
    ['kuitun', 'xinjiang'],
  ])('%s is in %s', (id, region) => {
    expect(cityById.get(id)?.region).toBe(region);
  });

  // County-level units that a province administers directly, with no prefecture above them.
  it.each([
    ['xiantao', 'hubei'], ['qianjiang-hubei', 'hubei'], ['tianmen', 'hubei'], ['shennongjia', 'hubei'], ['jiyuan', 'henan'],
    ['wuzhishan', 'hainan'], ['wenchang', 'hainan'], ['qionghai', 'hainan'], ['wanning', 'hainan'], ['dongfang', 'hainan'],
    ['shihezi', 'xinjiang'], ['alar', 'xinjiang'], ['tumxuk', 'xinjiang'], ['wujiaqu', 'xinjiang'], ['beitun', 'xinjiang'],
    ['tiemenguan', 'xinjiang'], ['shuanghe', 'xinjiang'], ['kokdala', 'xinjiang'], ['kunyu', 'xinjiang'], ['huyanghe', 'xinjiang'],
    ['xinxing', 'xinjiang'], ['baiyang', 'xinjiang'],
  ])('directly administered: %s is in %s', (id, region) => {
    expect(cityById.get(id)?.region).toBe(region);
  });
});

describe('names that are also common words', () => {
  const termsOf = (id: string): string[] => [...(cityById.get(id)?.termsEn ?? []), ...(cityById.get(id)?.termsZh ?? [])];
  const everyPlaceTerm = new Set([...regions, ...cities].flatMap((e) => [...e.termsEn, ...e.termsZh].map((t) => t.toLowerCase())));

  it.each([
    // [word, why]: never a term on its own; the entity keeps a longer, unambiguous form.
    ['来宾', 'guests'], ['红河', 'the Red River'], ['怒江', 'the Nu River'], ['天河', 'the space-station module, the Milky Way'],
    ['南山', 'a generic mountain name'], ['福田', 'Foton Motor'], ['南沙', 'the Nansha (Spratly) Islands'], ['怀柔', 'a policy word'],
    ['广安', "Beijing's Guang'anmen"], ['海北', 'a generic direction'], ['大兴安岭', 'the mountain range'], ['兴安', 'many place names'],
    ['天府', 'a nickname of Sichuan'], ['光明', 'light; a newspaper'], ['巴州', 'also a district of Bazhong'],
    ['aba', 'the acronym ABA'], ['ili', 'ILI, influenza-like illness'], ['yili', 'the dairy group'], ['gannan', '赣南 in Jiangxi'],
    ['nujiang', 'the Nu River'], ['tianhe', 'the space-station module'], ['nanshan', 'many mountains'], ['tianfu', 'Sichuan'],
    ['yangpu', "Shanghai's Yangpu District"], ['guangming', 'light; a newspaper'], ['hainan tibetan autonomous prefecture', 'kept a not-mention'],
  ])('%s (%s) is not a place term', (word) => {
    expect(everyPlaceTerm.has(word)).toBe(false);
  });

  it('keeps the longer forms of those places', () => {
    expect(termsOf('laibin')).toContain('来宾市');
    expect(termsOf('honghe')).toContain('红河州');
    expect(termsOf('tianhe')).toContain('天河区');
    expect(termsOf('nansha')).toContain('南沙区');
    expect(termsOf('ngawa')).toContain('Ngawa');
    expect(termsOf('ili')).toContain('伊犁');
    expect(termsOf('hainan-qinghai')).toEqual(['Hainan Prefecture', '海南州', '海南藏族自治州']);
  });
});

describe('the real matcher on the new names', () => {
  const dictionary = compileDictionary({ regions, cities, categories, collisions });
  const places = (text: string): string[] =>
    findMatches(dictionary, text)
      .filter((m) => m.kind === 'city' || m.kind === 'region')
      .map((m) => `${m.kind}:${m.id}@${m.region ?? ''}`);

  it.each([
    ['Yanbian and Ili both border other countries.', ['city:yanbian@jilin']],
    ['Ili Kazakh Autonomous Prefecture exports fruit.', ['city:ili@xinjiang']],
    ['延边州和伊犁州发展口岸经济。', ['city:yanbian@jilin', 'city:ili@xinjiang']],
    ['海南州在青海，不在海南省。', ['city:hainan-qinghai@qinghai', 'region:qinghai@qinghai', 'region:hainan@hainan']],
    ['Hainan Prefecture builds solar farms.', ['city:hainan-qinghai@qinghai']],
    ['Chuxiong, Honghe and Dehong are in the south-west.', ['city:chuxiong@yunnan', 'city:honghe@yunnan', 'city:dehong@yunnan']],
    ['Qianhai and Nansha host free trade zones.', ['city:qianhai@guangdong', 'city:nansha@guangdong']],
    ['Jiangyin and Zhangjiagang sit on the Yangtze.', ['city:jiangyin@jiangsu', 'city:zhangjiagang@jiangsu']],
    ['Laibin City and 来宾市 are the same place.', ['city:laibin@guangxi', 'city:laibin@guangxi']],
    ['巴中市、内江市和广元市', ['city:bazhong@sichuan', 'city:neijiang@sichuan', 'city:guangyuan@sichuan']],
    ['深圳前海与宜兴市', ['city:qianhai@guangdong', 'city:yixing@jiangsu']],
    ['神农架林区和潜江市', ['city:shennongjia@hubei', 'city:qianjiang-hubei@hubei']],
    ['Qianjiang in Hubei farms crayfish.', ['city:qianjiang-hubei@hubei', 'region:hubei@hubei']],
    ['Longnan in Jiangxi mines rare earths.', ['city:longnan-jiangxi@jiangxi', 'region:jiangxi@jiangxi']],
    ['Longnan in Gansu grows olives.', ['city:longnan-gansu@gansu', 'region:gansu@gansu']],
    ['the Lin-gang Special Area and Waigaoqiao', ['city:lingang@shanghai', 'city:waigaoqiao@shanghai']],
    ['The Huangpu riverside was rebuilt.', ['city:huangpu-shanghai@shanghai']],
    ['Guangzhou’s Huangpu district hosts a port.', ['city:guangzhou@guangdong', 'city:huangpu-guangdong@guangdong']],
  ])('%s', (text, expected) => {
    expect(places(text)).toEqual(expected);
  });

  it.each([
    '各位来宾，欢迎光临。',
    '红河与怒江都流向东南亚。',
    '天河核心舱在轨运行。',
    'The Tianhe core module docked with a cargo craft.',
    'Doctors tracked ILI cases at the clinic.',
    'Yili raised milk prices.',
    'The ABA issued a statement.',
    'Gannan navel oranges sold well in Jiangxi.',
    '南沙群岛附近海域',
    'Fishing boats near the Nansha Islands.',
    '福田汽车发布新车。',
    '人民群众的光明前途',
    'Zhao Ziyang was premier in the 1980s.',
    // Idioms and company names holding a city's name (not-mentions of its region).
    '工作四平八稳', '当地日照充足，年日照时数超过3000小时', '宁德时代扩产', '他夸下海口', '庆祝建国七十周年大庆',
    'Tourists rode the cable car up Tianmen Mountain.',
    'Pilgrims sailed to Meizhou Island; a refinery stands on Meizhou Bay.',
    // Two-character names read across a word boundary: only their longer forms are terms.
    '确定西藏的项目', '面临夏季用电高峰', '推广元宇宙应用', '目前海外市场回暖', '此处不宜兴建', '平静安宁的生活',
    '一张幸福清单', '在巴中国公民', '大家非常熟悉', '决定太仓促', '省内江河湖泊', '黄河源头保护', '为经济源源不断注入动力',
    '一颗新星', '路边的白杨树',
  ])('marks no city in: %s', (text) => {
    expect(places(text).filter((p) => p.startsWith('city:'))).toEqual([]);
  });
});
