/**
 * Which sources are offered to readers as links, and which links stay on plain `http:`.
 * The popup, the copied Markdown summary and the data tests all read these, so the rule is
 * stated once.
 */
import type { Source, SourceKind } from './schema';

/**
 * Whether a source of this kind is offered as a link. A link says "here is the document": that
 * holds for a publisher's own page, and for a reprint on a site of an identifiable outlet. It
 * does not for mirror sites (unknown owners, often spam, copies that may be altered or taken
 * down), aggregators, or machine summaries, which are someone else's rendering of the original;
 * those are named (publisher, title, date, grade) but not linked, so a reader sees what an
 * unverified statement rests on without being sent there. Self-media posts and press releases
 * are low-graded too, but each is its author's own original, so the link is the document.
 */
export const LINKED_KIND: Readonly<Record<SourceKind, boolean>> = {
  official: true,
  'major-outlet': true,
  research: true,
  outlet: true,
  reprint: true,
  analyst: true,
  'self-media': true,
  'press-release': true,
  mirror: false,
  aggregator: false,
  'machine-summary': false,
};

/** True when the popup and the Markdown summary offer this source as a link. */
export function isLinkedSource(source: Pick<Source, 'kind'>): boolean {
  return LINKED_KIND[source.kind];
}

const UNLINKED_KIND_LABEL: Readonly<Partial<Record<SourceKind, string>>> = {
  mirror: 'copy on a mirror site',
  aggregator: 'aggregator copy',
  'machine-summary': 'machine-written summary',
};

/** What an unlinked source is, said after its publisher, date and title: "copy on a mirror site, low reliability, not linked". */
export function unlinkedSourceNote(source: Pick<Source, 'kind' | 'reliability'>): string {
  return `${UNLINKED_KIND_LABEL[source.kind] ?? source.kind}, ${source.reliability} reliability, not linked`;
}

/**
 * Hosts whose links stay on `http:`, each with why: no `https:` address of them turned up in
 * the public pages and code searched, and a guessed `https:` link that fails is worse than a
 * plain one that opens. Every other linked source uses `https:`; a data test keeps it so and this list current.
 * Unlinked sources (see LINKED_KIND) are exempt: their address is recorded, never offered.
 */
export const HTTP_ONLY_HOSTS: Readonly<Record<string, string>> = {
  'en.energychinaforum.com': 'the recorded address names port 80, and only http: links to the site were found',
  'enfaohn.i0898.org': 'Hainan foreign affairs office English site: its stored copy and every link found are http:',
  'epaper.scxb.com.cn': 'Market Star Daily e-paper: only the paper\'s www host was seen on https:, never this one',
  'hk.takungpao.cn': 'Ta Kung Pao Hong Kong channel: no https: address of this host was found',
  'm-expo.net': 'no https: address of the site was found',
  'm.51si.cn': 'no https: address of the site was found',
  'paper.gjnews.cn': 'e-paper: every link to the site found is http:',
  'www.gjnews.cn': 'the same paper\'s news site: every link to it found is http:',
  'sd.subaoxw.com': 'Shandong Business Daily channel: only its e-paper host was seen on https:, never this one',
  'szb.hscbw.com:8082': 'e-paper on port 8082: every link to the site found is http:',
  'www.cjxww.cn': 'Changji news site: every link to the site found is http:',
  'www.goinnermongolia.com.cn': 'every link to the site found is http:',
  'www.hbafxh.org': 'association site: no https: address of it was found',
  'www.szdaily.com': 'Shenzhen Daily: every link to the site found is http:',
  'www.wongvin.com': 'no https: address of the site was found',
  'xztzb.cn': 'Xizang united front site: no https: address of it was found',
  'ynmzw.cn': 'no https: address of the site was found',
};
