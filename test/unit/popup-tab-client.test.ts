import { describe, expect, it, vi } from 'vitest';
import type { PageResults } from '../../data/protocol';
import { fetchResults, isDemoUrl, NotRunningError, tabClient, type Messenger } from '../../components/popup/tab-client';

const results: PageResults = { url: 'https://news.cgtn.com/a', title: 'A', state: 'ready', mentions: [] };

function messenger(answers: Array<unknown | Error>): Messenger & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  const next = async (...args: unknown[]): Promise<unknown> => {
    calls.push(args);
    const answer = answers.length > 1 ? answers.shift() : answers[0];
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return {
    calls,
    tabs: { sendMessage: (tabId, message) => next('tabs', tabId, message) },
    runtime: { sendMessage: (message) => next('runtime', message) },
  };
}

describe('tabClient', () => {
  it('asks a news tab through tabs.sendMessage', async () => {
    const m = messenger([results]);
    await expect(tabClient(7, false, m).send({ type: 'get-results' })).resolves.toEqual(results);
    expect(m.calls).toEqual([['tabs', 7, { type: 'get-results' }]]);
  });

  it('asks the demo tab through a runtime message carrying its tab id', async () => {
    const m = messenger([{ found: true, position: 2, total: 5 }]);
    const answer = await tabClient(9, true, m).send({ type: 'jump-to-region', region: 'henan' });
    expect(answer).toEqual({ found: true, position: 2, total: 5 });
    expect(m.calls).toEqual([['runtime', { type: 'jump-to-region', region: 'henan', tabId: 9 }]]);
  });

  it('turns a missing receiver or an empty answer into NotRunningError', async () => {
    await expect(tabClient(1, false, messenger([new Error('Receiving end does not exist.')])).send({ type: 'get-results' })).rejects.toBeInstanceOf(NotRunningError);
    await expect(tabClient(1, false, messenger([undefined])).send({ type: 'get-results' })).rejects.toBeInstanceOf(NotRunningError);
  });
});

describe('fetchResults', () => {
  it('retries while the content script is starting', async () => {
    vi.useFakeTimers();
    const m = messenger([new Error('no receiver'), undefined, results]);
    const pending = fetchResults(tabClient(3, false, m), { attempts: 5, delayMs: 100 });
    await vi.runAllTimersAsync();
    await expect(pending).resolves.toEqual(results);
    expect(m.calls).toHaveLength(3);
    vi.useRealTimers();
  });

  it('gives up after the last attempt', async () => {
    const m = messenger([new Error('no receiver')]);
    await expect(fetchResults(tabClient(3, false, m), { attempts: 2, delayMs: 1 })).rejects.toBeInstanceOf(NotRunningError);
    expect(m.calls).toHaveLength(2);
  });
});

describe('isDemoUrl', () => {
  const demo = 'chrome-extension://abc/demo.html';
  it.each([
    [demo, true],
    [`${demo}#top`, true],
    ['chrome-extension://abc/demo.html.evil', false],
    ['https://news.cgtn.com/demo.html', false],
  ])('%s → %s', (url, expected) => expect(isDemoUrl(url, demo)).toBe(expected));
});
