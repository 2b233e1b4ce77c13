import { describe, expect, it } from 'vitest';
import { categories, cities, clusters, collisions, regions } from '../../data/dictionary';
import { compileDictionary, findMatches, mentionsChina } from '../../entrypoints/content/matcher';
import { isInCompanyName, placeSense, type PlaceInfo } from '../../entrypoints/content/matcher-sense';

const dict = compileDictionary({ regions, cities, categories, collisions, clusters });
const show = (text: string) => findMatches(dict, text).map((m) => `${m.kind}:${m.id} "${text.slice(m.start, m.end)}"`);

describe('place names used for something else are no mention (real data)', () => {
  it.each<[string, string, string[]]>([
    // Institutions, publications, companies, currencies, ships: English.
    ['a university', 'She studied at Hunan Normal University before the war.', []],
    ['a bank named after a city', 'Bank of Ningbo and Bank of Beijing reported profits.', []],
    ['a city bank', 'Ningbo Bank reported higher profits.', []],
    ['a newspaper', 'the Chongqing Daily reported on Monday', []],
    ['an index', 'The Shanghai Composite rose 1%.', []],
    ['a stock exchange', 'listed on the Hong Kong Stock Exchange last year', []],
    ['a currency', 'priced at 176 Hong Kong dollars a share', []],
    ['a hospital', 'doctors at Chaoyang Hospital said', []],
    ['a ship', 'the carrier Liaoning sailed past', []],
    ['the place beside an institution', 'Hunan University is in Changsha, Hunan.', ['city:changsha "Changsha"', 'region:hunan "Hunan"']],
    // Chinese suffix rules.
    ['大学', '他毕业于浙江大学。', []],
    ['大学 after a qualifier', '北京师范大学的研究', []],
    ['日报', '据四川日报报道', []],
    ['卫视', '湖南卫视播出', []],
    ['银行', '宁波银行发布年报', []],
    ['交大', '西安交大一附院的医生', []],
    ['a company', '山西金兰化工有限公司签署协议', []],
    ['a group', '平遥牛肉集团作了推介', []],
    ['an account closing a line', '来源：四川发布', []],
    ['a news app', '据浙江新闻客户端报道', []],
    ['a carmaker: no Chongqing (its sector word stays)', 'Chongqing Changan Automobile sold more cars.', ['sector:nev-icv "Automobile"']],
    ['a sentence, not an account', '江西省发布新规', ['region:jiangxi "江西省"']],
    ['the place beside a company in a sentence', '浙江推动民营企业集团发展', ['region:zhejiang "浙江"']],
    ['universities in a province', '广东省内大学毕业生', ['region:guangdong "广东"']],
    ['several banks', '浙江多家银行', ['region:zhejiang "浙江"']],
  ])('%s: %s', (_name, text, expected) => {
    expect(show(text)).toEqual(expected);
  });
});

describe('Beijing for the central government (real data)', () => {
  it.each<[string, string, string[]]>([
    ['subject of a speech verb', 'Beijing said it would retaliate.', []],
    ['with an auxiliary', 'Beijing is also concerned about the tariffs.', []],
    ['pro-Beijing', 'pro-Beijing lawmakers walked out', []],
    ['Beijing-backed', 'a Beijing-backed candidate', []],
    ['two capitals', 'talks between Beijing and Washington stalled', []],
    ['ties with', 'its ties with Beijing have cooled', []],
    ['caving to', 'critics say he is caving to Beijing.', []],
    ['possessive stance', "Beijing's crackdown on dissent", []],
    ['object of a stance verb', 'Washington urged Beijing to restrain its coast guard.', []],
    ['the US and Beijing', 'talks between the US and Beijing resumed', []],
    ['stepped up', 'Beijing has stepped up military drills near the island.', []],
    ['visited: the place', 'The minister visited Beijing last week.', ['region:beijing "Beijing"']],
    ['residents: the place', 'The ads appeal to Beijing residents.', ['region:beijing "Beijing"']],
    ['a trade deal', 'hopes for a trade deal with Beijing faded', []],
    ['北京方面', '北京方面表示反对', []],
    ['亲北京', '亲北京的议员', []],
    ['北京和华盛顿', '北京和华盛顿的谈判', []],
    // The place keeps its mark.
    ['in Beijing', 'Officials in Beijing said the plan was ready.', ['region:beijing "Beijing"']],
    ['a district', "Beijing's Haidian district hosts start-ups.", ['region:beijing "Beijing"', 'city:haidian "Haidian"']],
    ['the municipal government', 'the Beijing municipal government said', ['region:beijing "Beijing"']],
    ['the strategy named after three regions', 'Beijing-Tianjin-Hebei integration', ['cluster:beijing-tianjin-hebei "Beijing-Tianjin-Hebei"']],
    ['unsure: the place', 'Beijing will host the games.', ['region:beijing "Beijing"']],
    ['在北京', '在北京举行', ['region:beijing "北京"']],
    ['another city is no metonym', 'Shanghai said it would cut fees.', ['region:shanghai "Shanghai"']],
  ])('%s: %s', (_name, text, expected) => {
    expect(show(text)).toEqual(expected);
  });
});

describe('Chinese word boundaries and namesakes (real data)', () => {
  it.each<[string, string, string[]]>([
    ['吉林市场 is a market in Jilin, not Jilin City', '吉林市场很大', ['region:jilin "吉林"']],
    ['吉林市 is the city', '吉林市的工厂', ['city:jilin-city "吉林市"']],
    ['河北区 is a district of Tianjin', '天津市河北区的企业', ['region:tianjin "天津市"']],
    ['中环路 is a road', '中环路拥堵', []],
    ['a road named after a province', '上海西藏路和福建路', ['region:shanghai "上海"']],
    ['湖北省 with its level', '湖北省武汉市', ['region:hubei "湖北省"', 'city:wuhan "武汉市"']],
    ['two names side by side', '内蒙古包头的稀土', ['region:inner-mongolia "内蒙古"', 'city:baotou "包头"', 'sector:rare-earths "稀土"']],
    ['a name in a longer word on the left', '孙中山先生', []],
    ['English: a road', 'shops on Zhongshan Road', []],
    ['English: another region’s district', 'Wuzhong District of Suzhou', ['city:suzhou-jiangsu "Suzhou"']],
    ['English: the district itself', 'Chaoyang District in Beijing', ['city:chaoyang-beijing "Chaoyang"', 'region:beijing "Beijing"']],
    ['a namesake district beside another region', "Nantong's Tongzhou district", ['city:nantong "Nantong"']],
    ['the district beside its own region', "Beijing's Tongzhou district", ['region:beijing "Beijing"', 'city:tongzhou "Tongzhou"']],
  ])('%s: %s', (_name, text, expected) => {
    expect(show(text)).toEqual(expected);
  });
});

describe('placeSense', () => {
  const capital: PlaceInfo = { capital: true, aboveDistrict: true };
  const other: PlaceInfo = { capital: false, aboveDistrict: true };
  const at = (text: string, name: string, info: PlaceInfo) => {
    const start = text.indexOf(name);
    return placeSense(text, start, start + name.length, info);
  };
  it.each<[string, string, PlaceInfo, string]>([
    ['Beijing said', 'Beijing', capital, 'metonym'],
    ['Shanghai said', 'Shanghai', other, 'place'],
    ['anti-Beijing protests', 'Beijing', capital, 'metonym'],
    ['Washington and Beijing agreed', 'Beijing', capital, 'metonym'],
    ['Beijing and Tokyo', 'Beijing', capital, 'metonym'],
    ['flights from Beijing', 'Beijing', capital, 'place'],
    ['pressure from Beijing', 'Beijing', capital, 'metonym'],
    ['Hebei District', 'Hebei', other, 'other-place'],
    ['Hebei Province', 'Hebei', other, 'place'],
    ['北京当局', '北京', capital, 'metonym'],
    ['北京市政府', '北京', capital, 'place'],
    ['河北区', '河北', other, 'other-place'],
    ['中山路', '中山', other, 'other-place'],
    ['山西日报', '山西', other, 'institution'],
    // The auxiliaries before the capital's verb are walked, not repeated in a RegExp; and the
    // edges of the other English patterns (capitalised words before an institution, spaces, case).
    ['Beijing has repeatedly also said', 'Beijing', capital, 'metonym'],
    ['Beijing has not now still said', 'Beijing', capital, 'place'],
    ['Beijing is also not now said', 'Beijing', capital, 'metonym'],
    ['Beijing was also not now said', 'Beijing', capital, 'place'],
    ['Beijing Has Long Said', 'Beijing', capital, 'metonym'],
    ['Beijing  said', 'Beijing', capital, 'place'],
    ['Beijing saidx', 'Beijing', capital, 'place'],
    ["Beijing's crackdown", 'Beijing', capital, 'metonym'],
    ['Beijing’s officials', 'Beijing', capital, 'metonym'],
    ['Beijing, Washington', 'Beijing', capital, 'metonym'],
    ['Bank of Beijing', 'Beijing', capital, 'institution'],
    ['University of the Beijing', 'Beijing', capital, 'institution'],
    ['Beijing Normal University', 'Beijing', capital, 'institution'],
    ['Zhejiang Normal University', 'Zhejiang', other, 'institution'],
    ['Shanghai Pudong Development Bank', 'Shanghai', other, 'institution'],
    ['Guangdong Hi-Tech Zone Bank', 'Guangdong', other, 'institution'],
    ['Hunan Alpha Beta Gamma Bank', 'Hunan', other, 'place'],
    ['Hunan-Bank', 'Hunan', other, 'institution'],
    ['Hunan Universityx', 'Hunan', other, 'place'],
    ['Hunan  University', 'Hunan', other, 'place'],
    ['Hunan normal University', 'Hunan', other, 'place'],
    ['Hong Kong dollars', 'Hong Kong', other, 'institution'],
    ['Hong Kong-Dollars', 'Hong Kong', other, 'institution'],
    ['Liaoning  carrier group', 'Liaoning', other, 'institution'],
    ['the CARRIER Shandong', 'Shandong', other, 'institution'],
    ['the carrier  Shandong', 'Shandong', other, 'institution'],
    ['the carrier\tLiaoning', 'Liaoning', other, 'place'],
    ['Zhongshan  Road', 'Zhongshan', other, 'other-place'],
    ['Zhongshan road', 'Zhongshan', other, 'place'],
    ['Hebei\u00a0District', 'Hebei', other, 'place'],
    ['Hebei District', 'Hebei', { capital: false, aboveDistrict: false }, 'place'],
  ])('%s (%s)', (text, name, info, expected) => {
    expect(at(text, name, info)).toBe(expected);
  });

  it('finds sector words inside company names', () => {
    expect(isInCompanyName('金兰化工有限公司', 2, 4)).toBe(true);
    expect(isInCompanyName('发展化工的公司', 2, 4)).toBe(false);
  });
});

describe('mentionsChina: whether sector words are marked on a page', () => {
  it.each<[string, boolean]>([
    ["Nepal's civil aviation authority disputed the report.", false],
    ['China expands civil aviation.', true],
    ['Airlines in Sichuan add routes.', true],
    ['Beijing said it would retaliate.', true],
    ['尼泊尔民航局表示', false],
    ['我国民航业快速发展', true],
    ['四川日报报道', false],
  ])('%s → %s', (text, expected) => {
    expect(mentionsChina(dict, text)).toBe(expected);
  });
});
