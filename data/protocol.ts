/**
 * The one typed message protocol between the content script, the background, the popup, the
 * options page and the demo article. Every message is declared in `Protocol`; `sendToTab`,
 * `sendToExtension` and `listen` are the only ways messages are sent and received, so a
 * sender gets the receiver's answer type and a receiver handles only declared messages from
 * senders it accepts.
 *
 * A small layer of our own rather than a messaging library: it sits on the `browser` object
 * the extension already loads (webextension-polyfill), adds about a kilobyte to the content
 * script, and WXT's fake browser runs it in unit tests as it is.
 */
import type { RegionId } from './schema';
import type { SettingsChange } from './settings';
import type { SettingsSnapshot } from './settings-store';

/** What a highlight stands for; 'cluster' is a national regional strategy (data/clusters.json). */
export type EntityKind = 'region' | 'city' | 'sector' | 'cluster';

/** One highlighted mention on the page. */
export interface PageMention {
  kind: EntityKind;
  /** Region, city, sector or strategy id. */
  id: string;
  /** Region of a region or city mention (a strategy's has none: it names the strategy, not its members). */
  region?: RegionId;
  /** Category of a sector mention. */
  category?: string;
  /** The text as written on the page ("Guangdong", "低空经济"). */
  text: string;
  /** The sentence around the mention, as plain text (never HTML); empty if not carried (see PageResults). */
  sentence: string;
  /** Index of the paragraph (text block) it is in, for co-occurrence. */
  block: number;
}

export type PageState =
  | 'ready'
  /** Highlighting is switched off on this site (or everywhere). */
  | 'off';

export interface PageResults {
  url: string;
  title: string;
  state: PageState;
  /**
   * Mentions in page order. A region's first few distinct sentences are on its mentions (see
   * SENTENCES_PER_REGION); other mentions carry an empty sentence.
   */
  mentions: PageMention[];
  /** Per region, how many more distinct sentences name it than the mentions carry. */
  sentencesLeftOut?: Partial<Record<RegionId, number>>;
  /** Blocks the page kept changing under our marks, left unmarked (their mentions count). */
  blocksLeftAlone?: number;
}

/** What a mark stands for, as the page's engine asks the background about it. */
export interface MarkEntity {
  kind: EntityKind;
  id: string;
  region?: RegionId;
  category?: string;
}

/**
 * A hover card's content, ready to show: plain text only (the content script sets textContent,
 * never HTML), built by the background so that the content script carries no plan data.
 */
export interface HoverCard {
  /** The mark's one-line description, its tooltip when cards are switched off. */
  tooltip: string;
  title: string;
  /** The Chinese name beside the title. */
  titleZh?: string;
  /** Short lines under the title ("Province · capital Hangzhou", "2026 target 5-5.5%"). */
  facts: string[];
  /** What the list holds ("Top priorities"); no list when empty. */
  listHeading: string;
  list: { text: string; note?: string }[];
  /** One source line ("Source: Zhejiang Government, 14 Jan 2026"). */
  source?: string;
}

export interface JumpResult {
  found: boolean;
  /** 1-based position of the mention jumped to, and how many there are. */
  position: number;
  total: number;
}

/** Every message: its fields besides `type`, and the answer it gets. */
export interface Protocol {
  /** Popup → tab: what the page holds. */
  'get-results': { fields: object; answer: PageResults };
  /** Popup → tab: scroll to the next mention of a region. */
  'jump-to-region': { fields: { region: RegionId }; answer: JumpResult };
  /** Background (keyboard shortcut) → tab: highlights off or on in this tab only. */
  'toggle-highlights': { fields: object; answer: { enabled: boolean } };
  /**
   * Tab → background and popup: the page's results changed (badge count). `fresh` marks the first
   * report since the tab's toolbar button was reset to its defaults, which loading a document
   * does (and coming back from the back/forward cache, and leaving prerendering).
   */
  'results-changed': { fields: { regionCount: number; fresh?: boolean }; answer: undefined };
  /** Tab (or the demo article) → background: the card for a mark, given the regions on the page. */
  'hover-card': { fields: { entity: MarkEntity; pageRegions: RegionId[] }; answer: HoverCard };
  /** Tab (or the demo article) → background: open the full summary of the sender's tab. */
  'open-summary': { fields: object; answer: undefined };
  /** Options page or popup → background, the settings' one writer. */
  'change-settings': { fields: { changes: SettingsChange[] }; answer: SettingsSnapshot };
}

export type MessageType = keyof Protocol;
export type Message<K extends MessageType = MessageType> = K extends MessageType ? { type: K } & Protocol[K]['fields'] : never;
export type Answer<K extends MessageType> = Protocol[K]['answer'];

/**
 * The requests a tab's engine answers (content script, or the demo article). The demo article
 * is an extension page that gets them as runtime messages, addressed with its tab's `tabId`.
 */
export type ContentRequest = Message<'get-results' | 'jump-to-region' | 'toggle-highlights'>;
export type AddressedRequest = ContentRequest & { tabId: number };

/** Who sent a message, as the browser reports it. */
export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/** The parts of the browser's runtime API the protocol uses. */
export interface RuntimeLike {
  id: string;
  getURL(path: string): string;
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: {
    addListener(listener: (message: unknown, sender: MessageSender) => Promise<unknown> | undefined): void;
    removeListener(listener: (message: unknown, sender: MessageSender) => Promise<unknown> | undefined): void;
  };
}

export interface TabsLike {
  sendMessage(tabId: number, message: unknown): Promise<unknown>;
}

/** Sender rules, checked on every listener. */
export const senders = {
  /** One of our extension pages or the background (not a content script, not another extension). */
  extensionPage:
    (runtime: Pick<RuntimeLike, 'id' | 'getURL'>) =>
    (sender: MessageSender): boolean =>
      sender.id === runtime.id && (sender.url === undefined || sender.url.startsWith(runtime.getURL('/'))),
  /** Our content script in the top frame of a tab. */
  topFrameContentScript:
    (runtime: Pick<RuntimeLike, 'id' | 'getURL'>) =>
    (sender: MessageSender): boolean =>
      sender.id === runtime.id && sender.tab?.id !== undefined && sender.frameId === 0 && isWebPage(sender, runtime),
};

function isWebPage(sender: MessageSender, runtime: Pick<RuntimeLike, 'getURL'>): boolean {
  return sender.url !== undefined && !sender.url.startsWith(runtime.getURL('/'));
}

function isMessageOf<K extends MessageType>(value: unknown, types: readonly K[]): value is Message<K> {
  if (typeof value !== 'object' || value === null) return false;
  return (types as readonly unknown[]).includes((value as { type?: unknown }).type);
}

/** Sends a message to the engine in a tab. */
export async function sendToTab<K extends MessageType>(tabs: TabsLike, tabId: number, message: Message<K>): Promise<Answer<K>> {
  return (await tabs.sendMessage(tabId, message)) as Answer<K>;
}

/** Sends a message to the background and the extension's open pages. */
export async function sendToExtension<K extends MessageType>(runtime: Pick<RuntimeLike, 'sendMessage'>, message: Message<K>): Promise<Answer<K>> {
  return (await runtime.sendMessage(message)) as Answer<K>;
}

export type Handlers<K extends MessageType> = {
  [P in K]: (message: Message<P>, sender: MessageSender) => Promise<Answer<P> | undefined> | Answer<P> | undefined;
};

/**
 * Answers the declared messages `handlers` names, from senders (and with addressing) `accept` lets through; everything
 * else is left for other listeners (no answer). A handler may return undefined to stay silent.
 * Returns the function that stops listening.
 */
export function listen<K extends MessageType>(
  runtime: Pick<RuntimeLike, 'onMessage'>,
  accept: (sender: MessageSender, message: Message<K>) => boolean,
  handlers: Handlers<K>,
): () => void {
  const types = Object.keys(handlers) as K[];
  const listener = (message: unknown, sender: MessageSender): Promise<unknown> | undefined => {
    if (!isMessageOf(message, types) || !accept(sender, message)) return undefined;
    const handler = handlers[message.type as K] as (m: Message<K>, s: MessageSender) => unknown;
    const answer = handler(message, sender);
    return answer === undefined ? undefined : Promise.resolve(answer);
  };
  runtime.onMessage.addListener(listener);
  return () => runtime.onMessage.removeListener(listener);
}
