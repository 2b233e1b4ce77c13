/**
 * In which sense a place name is used, decided from the words around it: a place, part of an
 * institution's name (浙江大学, "Bank of Beijing", "Hong Kong dollars"), the capital standing for
 * the central government ("Beijing said", 北京方面), or a different place named after it
 * (天津河北区, "Zhongshan Road"). Pure: text in, verdict out. Where the rules are unsure they
 * answer 'place'.
 */
import { isHanAt } from './matcher-terms';

export type PlaceSense = 'place' | 'institution' | 'metonym' | 'other-place';

/** The national capital's region: its name often stands for the central government. */
export const CAPITAL_REGION = 'beijing';

/** What the rules need to know about the name matched. */
export interface PlaceInfo {
  /** The capital's region id: its name may stand for the central government. */
  capital: boolean;
  /** A province-level region or a prefecture-level city: "X District" is then some other district. */
  aboveDistrict: boolean;
}

// ---- English -------------------------------------------------------------------------------

/** Up to two capitalised words, then a word that ends the name of an institution. */
const INSTITUTION_AFTER_EN = new RegExp(
  String.raw`(?:[ -][A-Z][A-Za-z'’&.-]*){0,2}?[ -]` +
    String.raw`(?:University|College|Institute|Academy|Polytechnic|Daily|Evening News|Morning Post|Post|Times|Herald|Weekly|Television|TV|Radio|` +
    String.raw`Bank|Stock Exchange|Exchanges?|Composite|Component|Hospital|Airlines?|Group|Co|Company|Corp|Corporation|` +
    String.raw`Ltd|Limited|Holdings|Securities|Automobile|Motors?|Pharmaceuticals?|Electric|Review|Magazine|FC|Football Club|Cooperation Organi[sz]ation|Consensus|Communiqu[eé]|Declaration|Accord)\b`,
  'y',
);
/** Currencies named after a place: "Hong Kong dollars", "Macao patacas". */
const CURRENCY_AFTER_EN = /[ -](?:dollars?|patacas?)\b/iy;
const INSTITUTION_BEFORE_EN = /\b(?:Bank|University|Academy|Institute|Stock Exchange|Museum) of (?:the )?$/;
/** Ships named after a province: "the carrier Liaoning", "aircraft carrier Shandong". */
const SHIP_BEFORE_EN = /\b(?:carrier|warship|destroyer|frigate|cruiser|vessel|ship)\s+$/i;
const SHIP_AFTER_EN = /\s+(?:aircraft\s+)?carrier\b|\s+(?:carrier\s+)?(?:strike|battle)\s+group\b/iy;
/** Roads and districts named after a place ("Zhongshan Road", Nantong's "Tongzhou District"). */
const ROAD_AFTER_EN = /\s+(?:Road|Rd|Street|St|Avenue|Ave|Lu|Jie)\b/y;
const DISTRICT_AFTER_EN = /\s+(?:District|County)\b/y;

const CAPITALS_EN = String.raw`the US|the U\.S\.|the United States|the EU|Washington|Moscow|Tokyo|Taipei|London|Brussels|New Delhi|Delhi|Seoul|Canberra|Ottawa|Paris|Berlin|Hanoi|Manila|Pyongyang|Islamabad|the Kremlin|the White House`;
/** "pro-Beijing", "Washington and Beijing", "ties with Beijing", "caving to Beijing". */
const METONYM_BEFORE_EN = new RegExp(
  [
    String.raw`\b(?:pro|anti)[-‐‑– ]?$`,
    String.raw`\b(?:${CAPITALS_EN})(?: and| or| &| versus| vs\.?|,) $`,
    String.raw`\b(?:ties|relations|relationship|talks|negotiations|dialogue|tensions|dispute|rift|friction|standoff|row|spat|cooperation|engagement|engage|cooperate|negotiate|negotiating|trade deal|agreement|trade war|confrontation|rivalry) with $`,
    String.raw`\b(?:pressure|pressuring|criticism|sanctions|tariffs|tough|tougher|soft|softer|hard line|hardline|hawkish|crack(?:ing)? down|retaliation) (?:on|against) $`,
    String.raw`\b(?:cav(?:e|ed|es|ing)|bow(?:ed|s|ing)?|kowtow(?:ed|s|ing)?|loyal|loyalty|deference|deferential|concessions?|hostile|hostility|warmth|anger|critical|criticism|opposition|defiance|defiant|allegiance|beholden|message|signal|overtures?|appeals?) (?:to|toward|towards|of) $`,
    String.raw`\b(?:warned|warning|urged|urging|accused|accusing|pressed|pressing|called on|calls on|lobbied|lobbying|persuaded?|convinced?|pressured?|pressuring|confront(?:ed|ing)?|challeng(?:e|ed|ing)|def(?:y|ied|ying)|provok(?:e|ed|ing)|anger(?:ed|ing)|placat(?:e|ed|ing)|appeas(?:e|ed|ing)|reassur(?:e|ed|ing)|rebuk(?:e|ed|ing)|sanction(?:ed|ing)?|punish(?:ed|ing)?) $`,
    String.raw`\b(?:confidence|support|approval|blessing|backing|orders?|directives?|instructions|pressure|interference|influence|control|rule|crackdown|retaliation|warnings?|demands?|diktats?) (?:from|by) $`,
  ].join('|'),
  'i',
);
/** Speech, stance and negotiation verbs: "Beijing said", "Beijing is also concerned". */
const METONYM_VERBS = String.raw`said|says|say|told|tells|warned|warns|warn|accused|accuses|accuse|urged|urges|insisted|insists|insist|denied|denies|deny|claimed|claims|vowed|vows|vow|responded|responds|reacted|reacts|retaliated|retaliates|retaliate|imposed|imposes|agreed|agrees|agree|rejected|rejects|reject|condemned|condemns|demanded|demands|demand|argued|argues|argue|criticized|criticised|criticizes|criticises|protested|protests|pledged|pledges|pledge|threatened|threatens|signaled|signalled|signals|sanctioned|summoned|fears|feared|fear|refused|refuses|refuse|resume|resumed|resumes|negotiated|countered|counters|slammed|slams|blamed|blames|objected|objects|opposes|opposed|views|viewed|considers|regards|retorted|hit back|struck back|lodged|concerned|worried|unhappy|furious|angry|reluctant|eager|keen|willing|unwilling|determined|believes|sees|maintains|bought|buys|buy|purchased|purchases|retaliation|denounced|denounces|dismissed|dismisses|lashed out|pushed back|blasted|hailed|welcomed|reiterated|reiterates|stressed|stresses|asserted|asserts|deployed|dispatched|staged|stepped up|ramped up|escalated|intensified`;
/** Words between the capital and its verb, up to three of them: "Beijing has repeatedly said". */
const AUXILIARIES_EN = `has|have|had|is|was|were|will|would|could|should|may|might|must|can|also|not|never|repeatedly|long|already|been|now|then|reportedly|still|quickly|swiftly|again|officially|publicly|did|does|do`;
/** One auxiliary, or one of the pairs that count as one; a verb or another auxiliary follows after a space. */
const AUXILIARY_EN = new RegExp(` (?:${AUXILIARIES_EN})(?= )`, 'iy');
const AUXILIARY_PAIR_EN = / (?:is also|has also)(?= )/iy;
const METONYM_VERB_EN = new RegExp(String.raw` (?:${METONYM_VERBS})\b`, 'iy');
/** "Beijing-backed", "Beijing's crackdown", "Beijing and Washington". */
const METONYM_AFTER_EN = new RegExp(
  [
    String.raw`[-‐‑–](?:backed|friendly|controlled|appointed|imposed|loyal|loyalist|aligned|leaning|sponsored|funded|allied|influenced|dominated)\b`,
    String.raw`['’]s (?:\w+ )?(?:crackdown|response|reaction|stance|position|demands|leaders|leadership|officials|ministry|negotiators|diplomats|envoys?|ambassadors?|claims|sovereignty|influence|pressure|retaliation|retaliatory|tariffs|sanctions|grip|handling|propaganda|censors|diplomacy|military|red lines?|assertiveness|aggression|intentions|ambitions|objections|protests|blessing|interference|overreach|narrative|hardline|communist|rulers|authoritarian)\b`,
    String.raw`(?: and| or| &| versus| vs\.?|,) (?:${CAPITALS_EN})\b`,
  ].join('|'),
  'iy',
);
/** The place sense wins outright: "the Beijing municipal government", "Beijing residents", "Beijing's streets". */
const PLACE_AFTER_EN = /(?:['’]s)? (?:municipal|city|municipality|province|provincial|residents|citizens|people|locals|commuters|streets|suburbs|airport|subway|metro|bureau|correspondent|office|traffic|smog|air)\b/iy;
const PLACE_BEFORE_EN = /\b(?:in|at|near|around|outside|across|into|to|from|visit|visited|visiting|of) (?:the )?$/i;

/** Whether a sticky RegExp matches text at `at`. */
function stickyAt(pattern: RegExp, text: string, at: number): boolean {
  pattern.lastIndex = at;
  return pattern.test(text);
}

/** Names of institutions and namesakes go on after a space or hyphen; most names are followed by other things. */
function spacedAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c === 32 || c === 45 || c === 0x2010 || c === 0x2011 || c === 0x2013;
}

/**
 * Whether a speech or stance verb follows at `at`, after at most three auxiliaries ("Beijing has
 * repeatedly said"): every way of reading up to three of them is tried, as a RegExp would. Not a
 * `{0,3}` in front of the verb list: V8 unrolls that, and compiling it cost 20–70 ms in Chromium
 * the first time a page's capital name reached this rule (the verb list alone: 1–3 ms).
 */
function verbFollows(text: string, at: number): boolean {
  let positions = [at];
  for (let step = 0; positions.length > 0; step += 1) {
    if (positions.some((p) => stickyAt(METONYM_VERB_EN, text, p))) return true;
    if (step === 3) return false;
    const next: number[] = [];
    for (const p of positions) {
      for (const auxiliary of [AUXILIARY_EN, AUXILIARY_PAIR_EN]) {
        auxiliary.lastIndex = p;
        if (auxiliary.test(text) && !next.includes(auxiliary.lastIndex)) next.push(auxiliary.lastIndex);
      }
    }
    positions = next;
  }
  return false;
}

function senseEn(text: string, start: number, end: number, info: PlaceInfo): PlaceSense {
  const spaced = spacedAt(text, end);
  const before = text.slice(Math.max(0, start - 40), start);
  const spaceBefore = text.charCodeAt(start - 1) === 32;
  if (
    (spaced &&
      (stickyAt(INSTITUTION_AFTER_EN, text, end) || stickyAt(CURRENCY_AFTER_EN, text, end) || stickyAt(SHIP_AFTER_EN, text, end))) ||
    (spaceBefore && (INSTITUTION_BEFORE_EN.test(before) || SHIP_BEFORE_EN.test(before)))
  ) {
    return 'institution';
  }
  if (spaced && (stickyAt(ROAD_AFTER_EN, text, end) || (info.aboveDistrict && stickyAt(DISTRICT_AFTER_EN, text, end)))) {
    return 'other-place';
  }
  if (!info.capital || stickyAt(PLACE_AFTER_EN, text, end)) return 'place';
  if (METONYM_BEFORE_EN.test(before)) return 'metonym';
  // "officials in Beijing said": the name is the place where something is said.
  if (PLACE_BEFORE_EN.test(before)) return 'place';
  return stickyAt(METONYM_AFTER_EN, text, end) || verbFollows(text, end) ? 'metonym' : 'place';
}

// ---- Chinese -------------------------------------------------------------------------------

/**
 * Characters that do not occur inside the short stretch between a place and its institution
 * word: function words and common verbs (a sentence goes on there, not a name).
 */
const NOT_IN_NAME = String.raw`\s的在是和与了将对把为从向到及等也都还就被让使由于并、，。；：！？“”‘’《》（）()|推建发加支打培实鼓引成组开举召表提要内各多所个家几数些一二三四五六七八九十百千万`;
const NAME_PART = (n: number) => `[^${NOT_IN_NAME}]{0,${n}}?`;
/** Institution words right after the place, or after a short qualifier (北京师范大学, 广州南沙发布). */
const INSTITUTION_AFTER_ZH = new RegExp(
  `^(?:${NAME_PART(4)}(?:大学|学院|农大|交大|师大|医大|理工|日报|晚报|早报|商报|时报|都市报|卫视|电视台|广播电视台|电台|` +
    `银行|农商行|证券|新闻网|网站|政府网|书评|医院|中学|小学|血液中心|疾控中心|博物馆|图书馆|青年报|报社)` +
    `|${NAME_PART(6)}(?:股份有限公司|有限公司|有限责任公司|集团|控股))`,
);
/**
 * Accounts and sites named with the bare place name, closing a title or line (四川发布,
 * 广州南沙发布, 广州参考, 山西妇女网); after 省 or 市 it is a sentence (江西省发布…).
 */
const ACCOUNT_AFTER_ZH = new RegExp(`^(?:${NAME_PART(2)}(?:发布|参考|网|频道)(?![\\u3400-\\u9fff])|${NAME_PART(4)}客户端)`);
const LEVEL_END = /[省市]$/;
const INSTITUTION_BEFORE_ZH = /(?:新华|中车|中铁|中建|中交|国网)$/;
const ROAD_AFTER_ZH = /^(?:[东西南北中]?(?:路|街|大街|大道|巷|胡同))/;
const DISTRICT_AFTER_ZH = /^[区县]/;
const CAPITALS_ZH = '华盛顿|华府|莫斯科|东京|台北|伦敦|布鲁塞尔|新德里|首尔|白宫|克里姆林宫';
const METONYM_BEFORE_ZH = new RegExp(`(?:亲|反|(?:${CAPITALS_ZH})(?:和|与|同|及|跟|、))$`);
const METONYM_AFTER_ZH = new RegExp(`^(?:方面|当局|高层|(?:和|与|同|及|跟|、)(?:${CAPITALS_ZH}))`);

function senseZh(text: string, start: number, end: number, info: PlaceInfo): PlaceSense {
  const before = text.slice(Math.max(0, start - 8), start);
  const after = text.slice(end, end + 14);
  if (INSTITUTION_AFTER_ZH.test(after) || INSTITUTION_BEFORE_ZH.test(before)) return 'institution';
  if (!LEVEL_END.test(text.slice(start, end)) && ACCOUNT_AFTER_ZH.test(after)) return 'institution';
  if (ROAD_AFTER_ZH.test(after) || (info.aboveDistrict && DISTRICT_AFTER_ZH.test(after))) return 'other-place';
  if (info.capital && (METONYM_BEFORE_ZH.test(before) || METONYM_AFTER_ZH.test(after))) return 'metonym';
  return 'place';
}

const COMPANY_AFTER_ZH = new RegExp(`^${NAME_PART(6)}(?:股份有限公司|有限公司|有限责任公司|集团|控股)`);

/** Whether the Chinese sector word at text[start, end) is part of a company's name (金兰化工有限公司). */
export function isInCompanyName(text: string, start: number, end: number): boolean {
  return isHanAt(text, start) && COMPANY_AFTER_ZH.test(text.slice(end, end + 14));
}

/** The sense of the place name at text[start, end). */
export function placeSense(text: string, start: number, end: number, info: PlaceInfo): PlaceSense {
  return isHanAt(text, start) ? senseZh(text, start, end, info) : senseEn(text, start, end, info);
}
