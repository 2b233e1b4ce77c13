import { describe, expect, it } from 'vitest';
import type { City, Collision, Region, RegionId } from '../../data/schema';
import {
  compileDictionary,
  findMatches,
  listTermClashes,
  type DictionarySource,
  type Match,
  type MatchFilter,
} from '../../entrypoints/content/matcher';
import { foldKey } from '../../entrypoints/content/matcher-terms';

// ---------------------------------------------------------------------------------------------
// A small hand-written dictionary, shaped like data/: every trap can be checked without the real
// data, and the same table then runs against data/index.ts when it exists.

function region(
  id: RegionId,
  termsEn: string[],
  termsZh: string[],
  notMentions: string[] = [],
): Region {
  const [nameEn = id] = termsEn;
  const [nameZhFull = '', nameZh = ''] = termsZh;
  return {
    id, nameEn, nameZhFull, nameZh, abbrZh: nameZh.slice(0, 1), type: 'province',
    capital: { en: '', zh: '' }, termsEn, termsZh, notMentions,
  };
}

const city = (id: string, r: RegionId, termsEn: string[], termsZh: string[]): City => ({
  id, region: r, nameEn: termsEn[0] ?? id, nameZh: termsZh[0] ?? '', termsEn, termsZh,
});

const HAND: DictionarySource = {
  regions: [
    region('anhui', ['Anhui', 'Anhui Province'], ['安徽省', '安徽']),
    region('beijing', ['Beijing', 'Beijing Municipality', 'Peking'], ['北京市', '北京'], ['Peking University', 'Peking duck', 'Beijing time']),
    region('guangdong', ['Guangdong', 'Guangdong Province'], ['广东省', '广东']),
    region('guangxi', ['Guangxi', 'Guangxi Zhuang Autonomous Region'], ['广西壮族自治区', '广西']),
    region('hainan', ['Hainan', 'Hainan Province'], ['海南省', '海南'], ['Hainan Tibetan Autonomous Prefecture', '海南藏族自治州']),
    region('hebei', ['Hebei', 'Hebei Province'], ['河北省', '河北']),
    region('henan', ['Henan', 'Henan Province'], ['河南省', '河南']),
    region('hong-kong', ['Hong Kong', 'Hong Kong SAR', 'HKSAR'], ['香港特别行政区', '香港'], ['Hong Kong-Zhuhai-Macao Bridge', '港珠澳大桥']),
    region('hubei', ['Hubei', 'Hubei Province'], ['湖北省', '湖北']),
    region('inner-mongolia', ['Inner Mongolia', 'Inner Mongolia Autonomous Region', 'Nei Mongol'], ['内蒙古自治区', '内蒙古'], ['Mongolia', 'Outer Mongolia', 'Mongolian Plateau']),
    region('jiangsu', ['Jiangsu', 'Jiangsu Province'], ['江苏省', '江苏']),
    region('jiangxi', ['Jiangxi', 'Jiangxi Province'], ['江西省', '江西']),
    region('jilin', ['Jilin', 'Jilin Province'], ['吉林省', '吉林']),
    region('macao', ['Macao', 'Macau', 'Macao SAR'], ['澳门特别行政区', '澳门'], ['Hong Kong-Zhuhai-Macao Bridge']),
    region('qinghai', ['Qinghai', 'Qinghai Province'], ['青海省', '青海']),
    region('shaanxi', ['Shaanxi', 'Shaanxi Province'], ['陕西省', '陕西']),
    region('shandong', ['Shandong', 'Shandong Province'], ['山东省', '山东'], ['aircraft carrier Shandong', '山东舰']),
    region('shanghai', ['Shanghai'], ['上海市', '上海'], ['Shanghai Cooperation Organisation', 'Shanghai Cooperation Organization', '上海合作组织']),
    region('shanxi', ['Shanxi', 'Shanxi Province'], ['山西省', '山西']),
    region('tianjin', ['Tianjin'], ['天津市', '天津']),
    region('xizang', ['Xizang', 'Tibet', 'Tibet Autonomous Region'], ['西藏自治区', '西藏'], ['Tibetan Plateau']),
    region('zhejiang', ['Zhejiang', 'Zhejiang Province'], ['浙江省', '浙江'], ['Zhejiang University']),
  ],
  cities: [
    city('ankang', 'shaanxi', ['Ankang'], ['安康', '安康市']),
    city('bengbu', 'anhui', ['Bengbu'], ['蚌埠', '蚌埠市']),
    city('hangzhou', 'zhejiang', ['Hangzhou'], ['杭州', '杭州市']),
    city('hefei', 'anhui', ['Hefei'], ['合肥', '合肥市']),
    city('jilin-city', 'jilin', ['Jilin City'], ['吉林市']),
    city('luoyang', 'henan', ['Luoyang'], ['洛阳', '洛阳市']),
    city('nanjing', 'jiangsu', ['Nanjing'], ['南京', '南京市']),
    city('suzhou-anhui', 'anhui', ['Suzhou'], ['宿州', '宿州市']),
    city('suzhou-jiangsu', 'jiangsu', ['Suzhou'], ['苏州', '苏州市']),
    city('taiyuan', 'shanxi', ['Taiyuan'], ['太原', '太原市']),
    city('xian', 'shaanxi', ["Xi'an"], ['西安', '西安市']),
    city('zhengzhou', 'henan', ['Zhengzhou'], ['郑州', '郑州市']),
    city('zhuhai', 'guangdong', ['Zhuhai'], ['珠海', '珠海市']),
  ],
  categories: [
    { id: 'digital-ai', label: 'Digital economy & AI', color: '#1f77b4', sectors: [
      { id: 'artificial-intelligence', label: 'AI', termsEn: ['artificial intelligence', 'AI', 'generative AI'], termsZh: ['人工智能'] },
      { id: 'ai-plus', label: 'AI Plus', termsEn: ['AI Plus', 'AI+'], termsZh: ['人工智能+'] },
    ] },
    { id: 'frontier-tech', label: 'Frontier tech', color: '#9467bd', sectors: [
      { id: 'embodied-ai', label: 'Embodied AI', termsEn: ['humanoid robots', 'embodied AI', 'embodied intelligence'], termsZh: ['具身智能', '人形机器人'] },
      { id: 'brain-computer-interface', label: 'BCI', termsEn: ['brain-computer interfaces', 'BCI'], termsZh: ['脑机接口'] },
      { id: '6g', label: '6G', termsEn: ['6G'], termsZh: ['第六代移动通信'] },
    ] },
    { id: 'advanced-manufacturing', label: 'Advanced manufacturing', color: '#2ca02c', sectors: [
      { id: 'nev-icv', label: 'NEVs', termsEn: ['new energy vehicles', 'NEVs', 'ICVs'], termsZh: ['新能源汽车'] },
      { id: 'robotics-intelligent-manufacturing', label: 'Robots', termsEn: ['industrial robots', 'robots'], termsZh: ['机器人'] },
    ] },
    { id: 'aerospace-low-altitude', label: 'Aerospace', color: '#ff7f0e', sectors: [
      { id: 'low-altitude-economy', label: 'Low-altitude economy', termsEn: ['low-altitude economy', 'drones'], termsZh: ['低空经济'] },
      { id: 'aerospace', label: 'Aerospace', termsEn: ['aerospace', 'aircraft'], termsZh: ['航空航天'] },
    ] },
    { id: 'opening-regional', label: 'Regional strategies', color: '#8c564b', sectors: [
      { id: 'regional-strategies', label: 'Regional strategies', termsEn: ['coordinated regional development', 'Jiangsu model'], termsZh: ['区域协调发展'] },
    ] },
  ],
  // National regional strategies: named after their members, and counted instead of them.
  clusters: [
    { id: 'beijing-tianjin-hebei', termsEn: ['Beijing-Tianjin-Hebei', 'Jing-Jin-Ji'], termsZh: ['京津冀协同发展', '京津冀'] },
    { id: 'chengdu-chongqing', termsEn: ['Chengdu-Chongqing Economic Circle', 'Chengdu-Chongqing'], termsZh: ['成渝地区双城经济圈', '成渝'] },
    { id: 'greater-bay-area', termsEn: ['Guangdong-Hong Kong-Macao Greater Bay Area', 'Greater Bay Area', 'GBA'], termsZh: ['粤港澳大湾区', '大湾区'] },
    { id: 'hainan-free-trade-port', termsEn: ['Hainan Free Trade Port'], termsZh: ['海南自由贸易港'] },
    { id: 'yangtze-river-delta', termsEn: ['Yangtze River Delta', 'YRD'], termsZh: ['长三角一体化', '长三角'] },
  ],
  collisions: [
    { term: 'Suzhou', claimants: ['city:suzhou-jiangsu', 'city:suzhou-anhui'], preferred: 'city:suzhou-jiangsu', rule: 'context', note: '苏州 (Jiangsu) and 宿州 (Anhui)' },
  ] satisfies Collision[],
};

// The real data, once data/index.ts exists (another developer is writing it). A glob, not an
// import, so that this file runs and type-checks before the data lands.
const realModules = import.meta.glob<DictionarySource>('../../data/index.ts', { eager: true });
const REAL: DictionarySource | undefined = Object.values(realModules)[0];

/** Rows the real data cannot pass yet because of a data problem (reported, not hidden). */
const REAL_DATA_GAPS: Record<string, string> = {};

// ---------------------------------------------------------------------------------------------
// Helpers: matches are compared as `kind:id "surface text"`, easy to read in a failing diff.

function show(text: string, matches: readonly Match[]): string[] {
  return matches.map((m) => `${m.kind}:${m.id} "${text.slice(m.start, m.end)}"`);
}

/** Maps an expectation written with the hand dictionary's ids to the real data's ids. */
function idTranslator(source: DictionarySource): (expected: string) => string {
  if (source === HAND) return (e) => e;
  return (expected) => {
    const [, kind = '', id = '', rest = ''] = /^(\w+):(\S+)( .*)$/.exec(expected) ?? [];
    if (kind === 'city') {
      const hand = HAND.cities.find((c) => c.id === id);
      const real = source.cities.find(
        (c) => c.region === hand?.region && c.termsEn.some((t) => foldKey(t) === foldKey(hand.nameEn)),
      );
      return `city:${real?.id ?? `<no ${id} in data>`}${rest}`;
    }
    if (kind === 'sector') {
      const term = foldKey(HAND.categories.flatMap((c) => c.sectors).find((s) => s.id === id)?.termsEn[0] ?? id);
      const real = source.categories.flatMap((c) => c.sectors).find((s) => s.termsEn.some((t) => foldKey(t) === term));
      return `sector:${real?.id ?? `<no ${id} in data>`}${rest}`;
    }
    return expected;
  };
}

const declaresNotMention = (source: DictionarySource, phrase: string): boolean =>
  source.regions.some((r) => r.notMentions.some((n) => foldKey(n) === foldKey(phrase)));

type Row = [name: string, text: string, expected: string[] | ((source: DictionarySource) => string[])];

const ROWS: Row[] = [
  // Longest match wins
  ['full autonomous-region name is one mention', 'The Guangxi Zhuang Autonomous Region grew.', ['region:guangxi "Guangxi Zhuang Autonomous Region"']],
  ['Inner Mongolia is one region', 'Wind farms in Inner Mongolia expand.', ['region:inner-mongolia "Inner Mongolia"']],
  ['Inner Mongolia Autonomous Region', 'the Inner Mongolia Autonomous Region said', ['region:inner-mongolia "Inner Mongolia Autonomous Region"']],
  ['Mongolia the country is nothing', 'Mongolia signed a coal deal.', []],
  ['Mongolian is nothing', 'Mongolian herders and the Mongolian language', []],
  ['Jilin City is a city of Jilin', 'Officials in Jilin City met on Monday.', ['city:jilin-city "Jilin City"']],
  ['plain Jilin is the region', 'Jilin grows maize.', ['region:jilin "Jilin"']],
  ['a longer name that fails its boundary backs off', 'Jilin Citys', ['region:jilin "Jilin"']],
  ['Jilin Province is the region', 'Jilin Province grows maize.', ['region:jilin "Jilin Province"']],
  // Letter case and word boundaries
  ['capitals match', 'ZHEJIANG EXPORTS RISE', ['region:zhejiang "ZHEJIANG"']],
  ['odd inner capitals match', 'a new LuoYang plant', ['city:luoyang "LuoYang"']],
  ['title case matches', 'Zhejiang exports rise', ['region:zhejiang "Zhejiang"']],
  ['all-lowercase place is no mention (URL slug)', 'see news.example.com/beijing/economy', []],
  ['shanghaied is not Shanghai', 'He was shanghaied onto a ship.', []],
  ['Shanghaied is not Shanghai either', 'Shanghaied, he said nothing.', []],
  ['no match inside a longer word', 'Anhuis and xZhejiang are typos', []],
  // Possessives, hyphens, quotes
  ['possessive', "Guangdong's factories", ['region:guangdong "Guangdong"']],
  ['typographic possessive', 'Guangdong’s factories', ['region:guangdong "Guangdong"']],
  ['hyphenated trio is the strategy, not three regions', 'the Beijing-Tianjin-Hebei region', ['cluster:beijing-tianjin-hebei "Beijing-Tianjin-Hebei"']],
  ['en-dash trio is the strategy too', 'the Beijing–Tianjin–Hebei region', ['cluster:beijing-tianjin-hebei "Beijing–Tianjin–Hebei"']],
  ['hyphenated cities', 'the new Zhengzhou-LuoYang route', ['city:zhengzhou "Zhengzhou"', 'city:luoyang "LuoYang"']],
  ['curly apostrophe', 'Xi’an airport', ['city:xian "Xi’an"']],
  ['straight apostrophe', "Xi'an airport", ['city:xian "Xi\'an"']],
  ['bridge follows the data', 'the Hong Kong-Zhuhai-Macao Bridge opened', (source) =>
    declaresNotMention(source, 'Hong Kong-Zhuhai-Macao Bridge')
      ? []
      : ['region:hong-kong "Hong Kong"', 'city:zhuhai "Zhuhai"', 'region:macao "Macao"']],
  ['two SARs', 'Hong Kong and Macao', ['region:hong-kong "Hong Kong"', 'region:macao "Macao"']],
  ['Hong Kong SAR is one mention', 'the Hong Kong SAR government', ['region:hong-kong "Hong Kong SAR"']],
  ['possessive after an in-word apostrophe', "Xi'an's airport", ['city:xian "Xi\'an"']],
  ['a line break and indent between words', 'the low-\n    altitude economy', ['sector:low-altitude-economy "low-\n    altitude economy"']],
  ['all capitals over several words', 'THE INNER MONGOLIA AUTONOMOUS REGION', ['region:inner-mongolia "INNER MONGOLIA AUTONOMOUS REGION"']],
  // Not-mentions
  ['Peking University', 'a Peking University study', []],
  ['Shanghai Cooperation Organisation', 'the Shanghai Cooperation Organisation summit', []],
  ['aircraft carrier Shandong (and no aircraft sector)', 'the aircraft carrier Shandong sailed', []],
  ['Hainan Tibetan Autonomous Prefecture', 'Hainan Tibetan Autonomous Prefecture in Qinghai', ['region:qinghai "Qinghai"']],
  ['Tibetan alone is nothing', 'Tibetan herders', []],
  // Traps
  ['Shanxi is Shanxi', 'coal from Shanxi', ['region:shanxi "Shanxi"']],
  ['Shaanxi is Shaanxi', 'apples from Shaanxi', ['region:shaanxi "Shaanxi"']],
  ['Shanxi and Shaanxi side by side', 'Shanxi, Shaanxi and SHAANXI', ['region:shanxi "Shanxi"', 'region:shaanxi "Shaanxi"', 'region:shaanxi "SHAANXI"']],
  ['Hebei vs Hubei', 'Hebei officials met Hubei officials', ['region:hebei "Hebei"', 'region:hubei "Hubei"']],
  ['Jiangsu vs Jiangxi', 'Jiangsu and Jiangxi', ['region:jiangsu "Jiangsu"', 'region:jiangxi "Jiangxi"']],
  // National regional strategies (clusters): the page names the strategy, not its members
  ['the Bay Area’s full name is one strategy', 'the Guangdong-Hong Kong-Macao Greater Bay Area plan', ['cluster:greater-bay-area "Guangdong-Hong Kong-Macao Greater Bay Area"']],
  ['Greater Bay Area alone', 'firms in the Greater Bay Area', ['cluster:greater-bay-area "Greater Bay Area"']],
  ['GBA is the acronym', 'GBA start-ups', ['cluster:greater-bay-area "GBA"']],
  ['gba in lower case is no acronym', 'the gba tag', []],
  ['a strategy beside its members', 'Guangdong and Hong Kong lead the Greater Bay Area', ['region:guangdong "Guangdong"', 'region:hong-kong "Hong Kong"', 'cluster:greater-bay-area "Greater Bay Area"']],
  ['Yangtze River Delta and its acronym', 'the Yangtze River Delta (YRD) economy', ['cluster:yangtze-river-delta "Yangtze River Delta"', 'cluster:yangtze-river-delta "YRD"']],
  ['Jing-Jin-Ji', 'Jing-Jin-Ji integration', ['cluster:beijing-tianjin-hebei "Jing-Jin-Ji"']],
  ['Chengdu-Chongqing is the circle, not a city and a region', 'the Chengdu-Chongqing economic circle', ['cluster:chengdu-chongqing "Chengdu-Chongqing economic circle"']],
  ['Hainan Free Trade Port is the strategy', 'the Hainan Free Trade Port opened', ['cluster:hainan-free-trade-port "Hainan Free Trade Port"']],
  ['Hainan alone is the region', 'ports in Hainan', ['region:hainan "Hainan"']],
  ['京津冀协同发展 is one strategy', '推进京津冀协同发展', ['cluster:beijing-tianjin-hebei "京津冀协同发展"']],
  ['京津冀 and 长三角一体化', '京津冀和长三角一体化', ['cluster:beijing-tianjin-hebei "京津冀"', 'cluster:yangtze-river-delta "长三角一体化"']],
  ['粤港澳大湾区 is not Guangdong, Hong Kong and Macao', '粤港澳大湾区建设', ['cluster:greater-bay-area "粤港澳大湾区"']],
  ['大湾区 alone', '大湾区的企业', ['cluster:greater-bay-area "大湾区"']],
  ['成渝 beside Chongqing’s name', '成渝地区双城经济圈和成渝两地', ['cluster:chengdu-chongqing "成渝地区双城经济圈"', 'cluster:chengdu-chongqing "成渝"']],
  ['海南自由贸易港 is neither Hainan nor a sector', '建设海南自由贸易港', ['cluster:hainan-free-trade-port "海南自由贸易港"']],
  ['长三角 in an English sentence', 'the 长三角 region', ['cluster:yangtze-river-delta "长三角"']],
  // Collisions
  ['Suzhou alone is Jiangsu’s', 'Suzhou gardens draw tourists.', ['city:suzhou-jiangsu "Suzhou"']],
  ['Suzhou near Jiangsu', 'Suzhou, in Jiangsu, builds chips.', ['city:suzhou-jiangsu "Suzhou"', 'region:jiangsu "Jiangsu"']],
  ['Suzhou in Anhui', 'Suzhou, a city in northern Anhui, grows wheat.', ['city:suzhou-anhui "Suzhou"', 'region:anhui "Anhui"']],
  ['Suzhou by an Anhui city', 'Suzhou and nearby Bengbu', ['city:suzhou-anhui "Suzhou"', 'city:bengbu "Bengbu"']],
  ['Suzhou with its Chinese name', 'Suzhou (宿州) grows wheat.', ['city:suzhou-anhui "Suzhou"', 'city:suzhou-anhui "宿州"']],
  ['nearest region wins', 'Jiangsu is far away; Suzhou, next to Anhui, grows wheat.', ['region:jiangsu "Jiangsu"', 'city:suzhou-anhui "Suzhou"', 'region:anhui "Anhui"']],
  // Sectors: acronyms
  ['AI matches', 'AI models', ['sector:artificial-intelligence "AI"']],
  ['AIIB is not AI', 'the AIIB lends', []],
  ['said and MAIN are not AI', 'she said the MAIN point', []],
  ['Ai is not AI', 'Ai Weiwei', []],
  ['AI-powered: the hyphen is a boundary', 'AI-powered robots', ['sector:artificial-intelligence "AI"', 'sector:robotics-intelligent-manufacturing "robots"']],
  ['AI+ is AI Plus', 'the AI+ initiative', ['sector:ai-plus "AI+"']],
  ['AI Plus is AI Plus', 'the AI Plus initiative', ['sector:ai-plus "AI Plus"']],
  ['6G but not 16G or 6g', '6G networks, 16G modules, 6g', ['sector:6g "6G"']],
  ['AI after a hyphen and before a plus', 'GenAI, the pro-AI camp and AI+', ['sector:artificial-intelligence "AI"', 'sector:ai-plus "AI+"']],
  // Sectors: variants
  ['plural', 'humanoid robots walk', ['sector:embodied-ai "humanoid robots"']],
  ['singular', 'a humanoid robot walks', ['sector:embodied-ai "humanoid robot"']],
  ['hyphen', 'the low-altitude economy', ['sector:low-altitude-economy "low-altitude economy"']],
  ['space', 'the low altitude economy', ['sector:low-altitude-economy "low altitude economy"']],
  ['title case sector', 'The Low-Altitude Economy', ['sector:low-altitude-economy "Low-Altitude Economy"']],
  ['abbreviation plural', 'NEVs sell', ['sector:nev-icv "NEVs"']],
  ['abbreviation singular', 'an NEV maker', ['sector:nev-icv "NEV"']],
  ['longest sector wins across categories', 'industrial robots and humanoid robots', ['sector:robotics-intelligent-manufacturing "industrial robots"', 'sector:embodied-ai "humanoid robots"']],
  // Chinese
  ['full Chinese name', '浙江省发布规划', ['region:zhejiang "浙江省"']],
  ['short Chinese name', '浙江发布规划', ['region:zhejiang "浙江"']],
  ['Chinese city', '杭州的企业', ['city:hangzhou "杭州"']],
  ['Chinese city with 市', '杭州市政府', ['city:hangzhou "杭州市"']],
  ['Chinese sectors', '发展低空经济、人工智能和具身智能', ['sector:low-altitude-economy "低空经济"', 'sector:artificial-intelligence "人工智能"', 'sector:embodied-ai "具身智能"']],
  ['浙江西部 is Zhejiang, not Jiangxi', '浙江西部山区', ['region:zhejiang "浙江"']],
  ['江西省 is Jiangxi', '江西省发布', ['region:jiangxi "江西省"']],
  ['内蒙古 is Inner Mongolia', '内蒙古的草原', ['region:inner-mongolia "内蒙古"']],
  ['蒙古 alone is nothing', '蒙古国的煤炭', []],
  ['one-character abbreviations never match', '浙、沪、苏、京四地', []],
  ['吉林市 is the city', '吉林市政府', ['city:jilin-city "吉林市"']],
  ['吉林省 is the region', '吉林省粮食', ['region:jilin "吉林省"']],
  ['陕西安康 is Shaanxi and Ankang, not Xi’an', '陕西安康', ['region:shaanxi "陕西"', 'city:ankang "安康"']],
  ['人工智能+ is AI Plus', '实施人工智能+行动', ['sector:ai-plus "人工智能+"']],
  ['山东舰 is no Shandong', '山东舰入列', []],
  ['上海合作组织 is no Shanghai', '上海合作组织峰会', []],
  ['a Chinese name last in English text (the Chinese scan is skipped only for texts without one)', 'Exports grew fastest in 浙江', ['region:zhejiang "浙江"']],
  ['mixed English and Chinese', 'Zhejiang (浙江) bets on AI and 低空经济.', ['region:zhejiang "Zhejiang"', 'region:zhejiang "浙江"', 'sector:artificial-intelligence "AI"', 'sector:low-altitude-economy "低空经济"']],
];

const SOURCES: [string, DictionarySource][] = [['hand-written dictionary', HAND]];
if (REAL !== undefined) SOURCES.push(['real data (data/index.ts)', REAL]);

describe.each(SOURCES)('matcher with the %s', (_name, source) => {
  const dict = compileDictionary(source);
  const translate = idTranslator(source);

  it.for(ROWS)('%s: %s', ([name, text, expected], ctx) => {
    const gap = source === REAL ? REAL_DATA_GAPS[name] : undefined;
    if (gap !== undefined) ctx.skip(`data gap: ${gap}`);
    const want = (typeof expected === 'function' ? expected(source) : expected).map(translate);
    const matches = findMatches(dict, text);
    expect(show(text, matches)).toEqual(want);
    // Sorted, non-overlapping, and the optional fields are filled where they belong.
    for (const [i, m] of matches.entries()) {
      expect(m.start).toBeGreaterThanOrEqual(matches[i - 1]?.end ?? 0);
      if (m.kind === 'region') expect(m.region).toBe(m.id);
      if (m.kind === 'city') expect(m.region).toBeDefined();
      if (m.kind === 'sector') expect(m.category).toBeDefined();
      if (m.kind === 'cluster') expect([m.region, m.category]).toEqual([undefined, undefined]);
    }
  });
});

// ---------------------------------------------------------------------------------------------

const FILTER_ROWS: [name: string, text: string, expected: string[]][] = [
  ['only cities and digital-ai sectors', 'Zhejiang and Hangzhou back AI and humanoid robots', ['city:hangzhou "Hangzhou"', 'sector:artificial-intelligence "AI"']],
  ['a disabled region still blocks what is inside it', 'Inner Mongolia Autonomous Region', []],
  ['Jilin City stays a city', 'Jilin City and Jilin', ['city:jilin-city "Jilin City"']],
  ['a disabled sector still blocks a shorter one', 'humanoid robots', []],
  ['Chinese likewise', '浙江杭州发展人工智能和低空经济', ['city:hangzhou "杭州"', 'sector:artificial-intelligence "人工智能"']],
  ['not-mentions stay blocked', 'the aircraft carrier Shandong and Peking University AI lab', ['sector:artificial-intelligence "AI"']],
  ['a disabled strategy still blocks the names in it', 'Beijing-Tianjin-Hebei and Hangzhou', ['city:hangzhou "Hangzhou"']],
  ['京津冀 likewise', '京津冀和杭州', ['city:hangzhou "杭州"']],
];

/** The category holding a hand-dictionary sector's first term, in a source. */
function categoryOf(source: DictionarySource, handSectorId: string): string {
  const term = HAND.categories.flatMap((c) => c.sectors).find((s) => s.id === handSectorId)?.termsEn[0] ?? '';
  const category = source.categories.find((c) => c.sectors.some((s) => s.termsEn.some((t) => foldKey(t) === foldKey(term))));
  return category?.id ?? `<no category for ${handSectorId}>`;
}

describe.each(SOURCES)('the enabled filter with the %s', (_name, source) => {
  const dict = compileDictionary(source);
  const translate = idTranslator(source);
  // { regions: false, cities: true, categories: {digital-ai} }, in the source's own category ids.
  const filter: MatchFilter = {
    regions: false,
    cities: true,
    clusters: false,
    categories: new Set([categoryOf(source, 'artificial-intelligence')]),
  };

  it.each(FILTER_ROWS)('%s: %s', (_row, text, expected) => {
    expect(show(text, findMatches(dict, text, filter))).toEqual(expected.map(translate));
  });

  it('returns the unfiltered result minus the disabled matches, for every row and filter', () => {
    const filters: MatchFilter[] = [
      filter,
      { regions: true, cities: false, clusters: false, categories: new Set() },
      { regions: false, cities: false, clusters: true, categories: new Set() },
      { regions: false, cities: false, clusters: false, categories: new Set([categoryOf(source, 'robotics-intelligent-manufacturing')]) },
      { regions: false, cities: false, clusters: false, categories: new Set() },
    ];
    for (const [, text] of [...ROWS, ...FILTER_ROWS]) {
      const all = findMatches(dict, text);
      for (const f of filters) {
        const expected = all.filter((m) =>
          m.kind === 'region' ? f.regions : m.kind === 'city' ? f.cities : m.kind === 'cluster' ? f.clusters : f.categories.has(m.category ?? ''),
        );
        expect(findMatches(dict, text, f), text).toEqual(expected);
      }
    }
  });
});

describe('collisions and context', () => {
  const dict = compileDictionary(HAND);

  it('takes an undecided collision from the page context', () => {
    const text = 'Suzhou grows wheat.';
    expect(show(text, findMatches(dict, text, undefined, { context: 'Farming in Anhui' }))).toEqual(['city:suzhou-anhui "Suzhou"']);
    expect(show(text, findMatches(dict, text, undefined, { context: 'Jiangsu and Anhui' }))).toEqual(['city:suzhou-jiangsu "Suzhou"']);
    expect(show(text, findMatches(dict, text, undefined, { context: 'Weather' }))).toEqual(['city:suzhou-jiangsu "Suzhou"']);
  });

  it('lets the paragraph override the context', () => {
    const text = 'Suzhou, Jiangsu';
    expect(show(text, findMatches(dict, text, undefined, { context: 'Anhui' }))[0]).toBe('city:suzhou-jiangsu "Suzhou"');
  });

  const deadTerm = {
    term: 'Jiangsu model',
    claimants: ['sector:regional-strategies', 'region:jiangsu'],
    reason: 'sector-term-contains-place',
  };

  it('reports a sector term that a place name always beats', () => {
    expect(listTermClashes(dict)).toEqual([deadTerm]);
  });

  it('reports an undeclared collision', () => {
    const undeclared = compileDictionary({ ...HAND, collisions: [] });
    expect(listTermClashes(undeclared)).toEqual([
      deadTerm,
      { term: 'Suzhou', claimants: ['city:suzhou-anhui', 'city:suzhou-jiangsu'], reason: 'undeclared-collision' },
    ]);
  });

  it('reports a not-mention that equals a name', () => {
    const [first, ...rest] = HAND.regions;
    if (first === undefined) throw new Error('no regions');
    const shadowing = compileDictionary({ ...HAND, regions: [{ ...first, notMentions: ['Hebei'] }, ...rest] });
    expect(listTermClashes(shadowing)).toContainEqual({ term: 'Hebei', claimants: ['region:hebei', 'region:anhui'], reason: 'not-mention-equals-name' });
    expect(show('Hebei', findMatches(shadowing, 'Hebei'))).toEqual(['region:hebei "Hebei"']);
  });
});
