import { describe, expect, it, vi } from 'vitest';
import { listen, senders, type MessageSender, type RuntimeLike } from '../../data/protocol';

const ORIGIN = 'chrome-extension://ours/';
const runtime = { id: 'ours', getURL: (path: string) => `${ORIGIN}${path.replace(/^\//, '')}` };

/** A runtime whose onMessage the test drives by hand, as the browser would. */
function fakeRuntime() {
  const listeners: ((message: unknown, sender: MessageSender) => Promise<unknown> | undefined)[] = [];
  const onMessage: RuntimeLike['onMessage'] = {
    addListener: (l) => void listeners.push(l),
    removeListener: (l) => void listeners.splice(listeners.indexOf(l), 1),
  };
  const deliver = (message: unknown, sender: MessageSender) => listeners.map((l) => l(message, sender));
  return { onMessage, deliver, listeners };
}

const popup: MessageSender = { id: 'ours', url: `${ORIGIN}popup.html` };
const worker: MessageSender = { id: 'ours', url: `${ORIGIN}background.js` };
const contentTop: MessageSender = { id: 'ours', url: 'https://news.cgtn.com/a', tab: { id: 4 }, frameId: 0 };
const contentFrame: MessageSender = { ...contentTop, frameId: 3 };
const otherExtension: MessageSender = { id: 'theirs', url: 'chrome-extension://theirs/page.html' };

describe('sender rules', () => {
  it.each<[string, MessageSender, boolean, boolean]>([
    ['our popup', popup, true, false],
    ['our background', worker, true, false],
    ['our content script, top frame', contentTop, false, true],
    ['our content script in a frame', contentFrame, false, false],
    ['another extension', otherExtension, false, false],
    ['a sender without an id', { url: 'https://evil.example/' }, false, false],
  ])('%s: extension page %s, top-frame content script %s', (_name, sender, page, content) => {
    expect(senders.extensionPage(runtime)(sender)).toBe(page);
    expect(senders.topFrameContentScript(runtime)(sender)).toBe(content);
  });
});

describe('listen', () => {
  it('answers declared messages from accepted senders, and nothing else', async () => {
    const rt = fakeRuntime();
    const handler = vi.fn(() => ({ url: 'u', title: 't', state: 'ready' as const, mentions: [] }));
    listen(rt, senders.extensionPage(runtime), { 'get-results': handler });
    expect(await rt.deliver({ type: 'get-results' }, popup)[0]).toMatchObject({ state: 'ready' });
    expect(rt.deliver({ type: 'get-results' }, contentTop)[0]).toBeUndefined();
    expect(rt.deliver({ type: 'get-results' }, otherExtension)[0]).toBeUndefined();
    expect(rt.deliver({ type: 'jump-to-region', region: 'anhui' }, popup)[0]).toBeUndefined();
    expect(rt.deliver('get-results', popup)[0]).toBeUndefined();
    expect(rt.deliver(null, popup)[0]).toBeUndefined();
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('stays silent where a handler returns nothing, and stops listening when told', () => {
    const rt = fakeRuntime();
    const stop = listen(rt, () => true, { 'results-changed': () => undefined });
    expect(rt.deliver({ type: 'results-changed', regionCount: 2 }, contentTop)[0]).toBeUndefined();
    stop();
    expect(rt.listeners).toHaveLength(0);
  });
});
