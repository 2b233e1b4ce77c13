/**
 * The hover cards' DOM side (entrypoints/content/hover-card.ts) in happy-dom, with a stand-in
 * for the background: the card after the intent delay and not before, in our shadow host only,
 * closed by Escape and by the pointer leaving; a focused mark's card; keyboard stepping in
 * document order; a tooltip instead when cards are off; everything undone on abort.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HoverCard, MarkEntity } from '../../data/protocol';
import { INTENT_MS, LEAVE_MS, startHoverCards } from '../../entrypoints/content/hover-card';

const PAGE = `<article><p>In <mark class="fyp-mark" data-fyp-kind="region" data-fyp-id="zhejiang" data-fyp-region="zhejiang">Zhejiang</mark>,
  <mark class="fyp-mark" data-fyp-kind="city" data-fyp-id="ningbo" data-fyp-region="zhejiang">Ningbo</mark> builds
  <mark class="fyp-mark" data-fyp-kind="sector" data-fyp-id="ports" data-fyp-category="transport">ports</mark>.</p>
  <p><input id="field"> and <mark class="fyp-mark" data-fyp-kind="cluster" data-fyp-id="yangtze-river-delta">长三角</mark></p></article>`;

const cardFor = (entity: MarkEntity): HoverCard => ({
  tooltip: `${entity.id} tooltip`,
  title: entity.id,
  titleZh: '浙江',
  facts: ['Province · capital Hangzhou', '2026 target 5%'],
  listHeading: 'Top priorities',
  list: [{ text: 'AI', note: 'Plan outline' }],
  source: 'Source: Test, 1 Jan 2026',
});

let controller: AbortController;
let on: boolean;
let fetchCard: ReturnType<typeof vi.fn<(entity: MarkEntity) => Promise<HoverCard>>>;
let openSummary: ReturnType<typeof vi.fn<() => void>>;

const mark = (id: string): HTMLElement => document.querySelector(`[data-fyp-id="${id}"]`) as HTMLElement;
const card = (): HTMLElement | null => document.querySelector('[data-fyp-ui="card"]')?.shadowRoot?.querySelector('.c') ?? null;
const pointer = (type: string, target: Element, relatedTarget: Element | null = null) =>
  target.dispatchEvent(new MouseEvent(type, { bubbles: true, relatedTarget }));
const key = (init: KeyboardEventInit, target: Element = document.activeElement ?? document.body) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
/** Lets the stand-in background answer (resolved promises). */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = PAGE;
  controller = new AbortController();
  on = true;
  fetchCard = vi.fn(async (entity: MarkEntity) => cardFor(entity));
  openSummary = vi.fn();
  startHoverCards({ doc: document, signal: controller.signal, enabled: () => on, fetchCard, openSummary });
});

afterEach(() => {
  controller.abort();
  vi.useRealTimers();
});

describe('hover cards', () => {
  it('show a mark’s card once the pointer has rested on it, in our shadow host, leaving the page’s HTML alone', async () => {
    const body = document.body.innerHTML;
    pointer('pointerover', mark('zhejiang'));
    expect(fetchCard).toHaveBeenCalledWith({ kind: 'region', id: 'zhejiang', region: 'zhejiang' });
    await vi.advanceTimersByTimeAsync(INTENT_MS - 1);
    expect(card()).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(card()?.querySelector('h2')?.textContent).toBe('zhejiang 浙江');
    expect([...(card()?.querySelectorAll('.f') ?? [])].map((p) => p.textContent)).toEqual(['Province · capital Hangzhou', '2026 target 5%']);
    expect(card()?.querySelector('li')?.textContent).toBe('AI (Plan outline)');
    expect(card()?.querySelector('.s')?.textContent).toBe('Source: Test, 1 Jan 2026');
    expect(card()?.getAttribute('role')).toBe('dialog');
    expect(document.body.innerHTML).toBe(body);
    const host = document.querySelector('[data-fyp-ui="card"]') as HTMLElement;
    expect(host.parentElement).toBe(document.documentElement);
    expect(host.style.position).toBe('fixed');
    card()?.querySelector('button')?.click();
    expect(openSummary).toHaveBeenCalledOnce();
  });

  it('show nothing for a mark the pointer only passes over, and close when it leaves the mark', async () => {
    pointer('pointerover', mark('zhejiang'));
    pointer('pointerout', mark('zhejiang'), document.body);
    await vi.advanceTimersByTimeAsync(INTENT_MS * 2);
    expect(card()).toBeNull();
    pointer('pointerover', mark('ningbo'));
    await vi.advanceTimersByTimeAsync(INTENT_MS);
    expect(card()?.querySelector('h2')?.textContent).toContain('ningbo');
    // Crossing the gap into the card keeps it; leaving the mark for elsewhere closes it.
    const host = document.querySelector('[data-fyp-ui="card"]') as Element;
    pointer('pointerout', mark('ningbo'), document.body);
    pointer('pointerover', host);
    await vi.advanceTimersByTimeAsync(LEAVE_MS * 2);
    expect(card()).not.toBeNull();
    pointer('pointerover', mark('ningbo'));
    pointer('pointerout', mark('ningbo'), document.body);
    await vi.advanceTimersByTimeAsync(LEAVE_MS - 1);
    expect(card()).not.toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(card()).toBeNull();
  });

  it('close on Escape', async () => {
    pointer('pointerover', mark('ports'));
    await vi.advanceTimersByTimeAsync(INTENT_MS);
    expect(card()).not.toBeNull();
    key({ key: 'Escape' });
    expect(card()).toBeNull();
  });

  it('follow their mark while it scrolls, and close once it has scrolled out of view', async () => {
    pointer('pointerover', mark('zhejiang'));
    await vi.advanceTimersByTimeAsync(INTENT_MS);
    const at = (top: number) => vi.spyOn(mark('zhejiang'), 'getBoundingClientRect').mockReturnValue(new DOMRect(10, top, 60, 20));
    at(300);
    window.dispatchEvent(new Event('scroll'));
    expect(card()?.style.top).toBe('326px');
    at(-40);
    window.dispatchEvent(new Event('scroll'));
    expect(card()).toBeNull();
  });

  it('fetch a mark’s card once', async () => {
    for (let i = 0; i < 3; i += 1) {
      pointer('pointerover', mark('zhejiang'));
      await vi.advanceTimersByTimeAsync(INTENT_MS);
      key({ key: 'Escape' });
    }
    expect(fetchCard).toHaveBeenCalledTimes(1);
  });

  it('step the focus through the marks in document order with Alt+Shift+N and back with Alt+Shift+P, showing each card', async () => {
    const order = ['zhejiang', 'ningbo', 'ports', 'yangtze-river-delta'];
    for (const id of [...order, order[0]]) {
      expect(key({ key: 'N', code: 'KeyN', altKey: true, shiftKey: true })).toBe(false);
      expect(document.activeElement).toBe(mark(id as string));
      await settle();
      expect(card()?.querySelector('h2')?.textContent).toContain(id);
    }
    key({ key: 'P', code: 'KeyP', altKey: true, shiftKey: true });
    expect(document.activeElement).toBe(mark('yangtze-river-delta'));
    // Only the stepped-to mark is focusable.
    expect(document.querySelectorAll('[tabindex]')).toHaveLength(1);
    await settle();
    key({ key: 'Enter' });
    expect(openSummary).toHaveBeenCalledOnce();
  });

  it('leave the keys alone while the reader types', () => {
    const field = document.getElementById('field') as HTMLInputElement;
    field.focus();
    expect(key({ key: 'N', code: 'KeyN', altKey: true, shiftKey: true }, field)).toBe(true);
    expect(document.activeElement).toBe(field);
  });

  it('give a mark its description as a tooltip instead when switched off', async () => {
    on = false;
    pointer('pointerover', mark('ningbo'));
    await vi.advanceTimersByTimeAsync(INTENT_MS);
    expect(card()).toBeNull();
    expect(mark('ningbo').getAttribute('title')).toBe('ningbo tooltip');
  });

  it('are removed with everything they added when stopped', async () => {
    const body = document.body.innerHTML;
    key({ key: 'N', code: 'KeyN', altKey: true, shiftKey: true });
    await settle();
    expect(card()).not.toBeNull();
    controller.abort();
    expect(document.querySelector('[data-fyp-ui]')).toBeNull();
    expect(document.body.innerHTML).toBe(body);
    pointer('pointerover', mark('zhejiang'));
    await vi.advanceTimersByTimeAsync(INTENT_MS);
    expect(document.querySelector('[data-fyp-ui]')).toBeNull();
  });
});
