/**
 * Hover cards: pointing at one of our marks (after a short intent delay) or focusing it shows a
 * compact card beside it; Alt+Shift+N and Alt+Shift+P step the keyboard focus through the marks
 * in document order. The card's content comes from the background (a typed message), so this
 * module is only plain DOM: one host element, fixed and zero-sized (never in the page's flow),
 * with the card in its shadow root, away from the page's styles. With cards switched off, a
 * mark the reader points at gets its one-line description as a tooltip instead.
 */
import type { HoverCard, MarkEntity } from '../../data/protocol';
import { entityOfMark, OUR_MARKS } from './annotator';

/** How long the pointer rests on a mark before its card shows: passing over one shows nothing. */
export const INTENT_MS = 250;
/** How long a card stays after the pointer leaves its mark: time to cross the gap into the card. */
export const LEAVE_MS = 200;
/** The host's attribute: our own interface, which the page watcher and the text walk skip. */
const UI_ATTR = 'data-fyp-ui';

export interface HoverCardOptions {
  doc: Document;
  signal: AbortSignal;
  /** Whether cards are on (read at each use: settings change live). */
  enabled(): boolean;
  fetchCard(entity: MarkEntity): Promise<HoverCard>;
  openSummary(): void;
}

export interface HoverCards {
  /** Forgets the cards fetched so far (the page's regions changed: a sector's card may too). */
  invalidate(): void;
}

const CSS =
  ':host{all:initial}' +
  '.c{position:fixed;z-index:2147483647;box-sizing:border-box;width:max-content;max-width:min(340px,calc(100vw - 16px));' +
  'padding:10px 12px;border:1px solid #c4c7c5;border-radius:8px;background:#fff;color:#1f1f1f;' +
  'box-shadow:0 4px 16px rgba(0,0,0,.18);font:13px/1.45 system-ui,sans-serif;text-align:left}' +
  'h2{margin:0;font-size:15px}p,li{margin:2px 0}ul{margin:2px 0 4px;padding-left:18px}' +
  '.f,.n,.s{color:#474747}.n,.s{font-size:12px}h3{margin:6px 0 0;font-size:12px}' +
  'button{margin-top:6px;padding:2px 12px;border:1px solid currentColor;border-radius:4px;background:none;color:#0b57d0;font:inherit;cursor:pointer}' +
  '@media (prefers-color-scheme:dark){.c{background:#1f1f1f;color:#e3e3e3;border-color:#5e5e5e}.f,.n,.s{color:#c4c7c5}button{color:#a8c7fa}}';

/** Starts the cards on a document; everything is undone when `signal` aborts. */
export function startHoverCards({ doc, signal, enabled, fetchCard, openSummary }: HoverCardOptions): HoverCards {
  const win = doc.defaultView as Window;
  const cache = new Map<string, Promise<HoverCard>>();
  let host: HTMLElement | undefined;
  let card: HTMLElement | undefined;
  /** The mark whose card is shown, and the one waiting for its intent delay. */
  let shownFor: Element | undefined;
  let pending: Element | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let leaving: ReturnType<typeof setTimeout> | undefined;
  /** The mark keyboard stepping last focused (it got a tabindex to be focusable). */
  let stepped: HTMLElement | undefined;

  const dataFor = (mark: Element): Promise<HoverCard> => {
    const entity = entityOfMark(mark);
    const key = `${entity.kind}:${entity.id}`;
    let data = cache.get(key);
    if (!data) {
      data = fetchCard(entity);
      cache.set(key, data);
      data.catch(() => cache.delete(key));
    }
    return data;
  };

  const hide = (): void => {
    clearTimeout(timer);
    clearTimeout(leaving);
    pending = shownFor = undefined;
    card?.remove();
    card = undefined;
  };

  const place = (mark: Element): void => {
    if (!card) return;
    const at = mark.getBoundingClientRect();
    const { offsetWidth: width, offsetHeight: height } = card;
    const below = at.bottom + 6 + height <= win.innerHeight || at.top < height + 6;
    card.style.top = `${below ? at.bottom + 6 : at.top - height - 6}px`;
    card.style.left = `${Math.max(8, Math.min(at.left, win.innerWidth - width - 8))}px`;
  };

  const show = (mark: Element, data: HoverCard, due: number): void => {
    if (signal.aborted || !mark.isConnected) return;
    hide();
    if (!host) {
      host = doc.createElement('div');
      host.setAttribute(UI_ATTR, 'card');
      host.style.cssText = 'position:fixed;top:0;left:0;width:0;height:0;overflow:visible;z-index:2147483647';
      const root = host.attachShadow({ mode: 'open' });
      root.append(Object.assign(doc.createElement('style'), { textContent: CSS }));
      doc.documentElement.append(host);
    }
    const el = (tag: string, text: string, cls?: string): HTMLElement => {
      const node = doc.createElement(tag);
      node.textContent = text;
      if (cls) node.className = cls;
      return node;
    };
    card = el('div', '', 'c');
    card.setAttribute('role', 'dialog');
    card.setAttribute('aria-label', data.title);
    const title = el('h2', `${data.title} `);
    if (data.titleZh) title.append(Object.assign(el('span', data.titleZh), { lang: 'zh' }));
    card.append(title, ...data.facts.map((fact) => el('p', fact, 'f')));
    if (data.listHeading) card.append(el('h3', data.listHeading));
    if (data.list.length > 0) {
      const list = el('ul', '');
      for (const item of data.list) {
        const li = el('li', item.text);
        if (item.note) li.append(' ', el('span', `(${item.note})`, 'n'));
        list.append(li);
      }
      card.append(list);
    }
    if (data.source) card.append(el('p', data.source, 's'));
    const more = el('button', 'More');
    more.setAttribute('type', 'button');
    more.addEventListener('click', openSummary);
    card.append(more);
    card.addEventListener('pointerleave', hideSoon);
    host.shadowRoot?.append(card);
    shownFor = mark;
    place(mark);
    // For `npm run bench`: from the end of the intent delay (or the focus) to the card on screen.
    performance.measure('fyp:hover-card', { start: due, end: performance.now() });
  };

  /** Hides the card unless the pointer reaches it, or comes back to its mark, in time. */
  function hideSoon(): void {
    clearTimeout(leaving);
    leaving = setTimeout(hide, LEAVE_MS);
  }

  const markOf = (target: EventTarget | null): Element | null =>
    typeof (target as Element | null)?.closest === 'function' ? (target as Element).closest(OUR_MARKS) : null;

  const listen = <K extends keyof DocumentEventMap>(type: K, handler: (event: DocumentEventMap[K]) => void): void =>
    doc.addEventListener(type, handler, { signal, capture: true, passive: type !== 'keydown' });

  listen('pointerover', (event) => {
    const mark = markOf(event.target);
    if (event.target === host || (mark && mark === shownFor)) clearTimeout(leaving);
    if (!mark || mark === pending || mark === shownFor) return;
    if (!enabled()) {
      if (!mark.hasAttribute('title')) dataFor(mark).then((data) => mark.setAttribute('title', data.tooltip), () => {});
      return;
    }
    // A tooltip from when cards were off would show beside the card.
    mark.removeAttribute('title');
    clearTimeout(timer);
    pending = mark;
    // Asked for now, so that it is here when the delay ends.
    const data = dataFor(mark);
    timer = setTimeout(() => {
      const due = performance.now();
      data.then((card) => pending === mark && show(mark, card, due), () => {});
    }, INTENT_MS);
  });

  listen('pointerout', (event) => {
    const mark = markOf(event.target);
    const to = event.relatedTarget as Node | null;
    if (!mark || mark.contains(to) || (host && to === host)) return;
    if (mark === pending) {
      clearTimeout(timer);
      pending = undefined;
    }
    if (mark === shownFor) hideSoon();
  });

  listen('focusin', (event) => {
    const mark = markOf(event.target);
    if (!mark || !enabled() || mark === shownFor) return;
    pending = mark;
    const due = performance.now();
    dataFor(mark).then((card) => pending === mark && show(mark, card, due), () => {});
  });

  listen('focusout', (event) => {
    if (markOf(event.target) === shownFor && !(host && event.relatedTarget === host)) hide();
  });

  const step = (by: number): void => {
    const marks = [...doc.querySelectorAll<HTMLElement>(OUR_MARKS)];
    if (marks.length === 0) return;
    const from = stepped && doc.activeElement === stepped ? marks.indexOf(stepped) : by > 0 ? -1 : 0;
    const next = marks[(from + by + marks.length) % marks.length] as HTMLElement;
    stepped?.removeAttribute('tabindex');
    stepped = next;
    next.setAttribute('tabindex', '-1');
    next.scrollIntoView({ block: 'nearest' });
    next.focus({ preventScroll: true });
  };

  listen('keydown', (event) => {
    if (event.key === 'Escape' && shownFor) {
      hide();
      return;
    }
    const target = event.target as HTMLElement | null;
    if (target?.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target?.tagName ?? '')) return;
    if (event.altKey && event.shiftKey && (event.code === 'KeyN' || event.code === 'KeyP')) {
      event.preventDefault();
      step(event.code === 'KeyN' ? 1 : -1);
    } else if (event.key === 'Enter' && shownFor && target === shownFor) {
      openSummary();
    }
  });

  win.addEventListener(
    'scroll',
    () => {
      if (!shownFor) return;
      const at = shownFor.getBoundingClientRect();
      if (at.bottom < 0 || at.top > win.innerHeight) hide();
      else place(shownFor);
    },
    { signal, capture: true, passive: true },
  );

  signal.addEventListener(
    'abort',
    () => {
      hide();
      stepped?.removeAttribute('tabindex');
      host?.remove();
    },
    { once: true },
  );

  return { invalidate: () => cache.clear() };
}
