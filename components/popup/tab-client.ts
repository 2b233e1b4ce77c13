/**
 * Talks to the highlighting engine running in a tab. News pages run it as a content script
 * (tabs.sendMessage); the bundled demo article is an extension page, where content scripts do
 * not run, so it runs the engine itself and answers runtime messages carrying its tab id.
 */
import type { AddressedRequest, Answer, ContentRequest, PageResults } from '../../data/protocol';

/** The two messaging calls used, so tests can pass a fake. */
export interface Messenger {
  tabs: { sendMessage(tabId: number, message: unknown): Promise<unknown> };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

export interface TabClient {
  send<R extends ContentRequest>(request: R): Promise<Answer<R['type']>>;
}

/** Nothing in the tab answered: no content script there (yet). */
export class NotRunningError extends Error {
  constructor(cause?: unknown) {
    super('the highlighter is not running in this tab', { cause });
    this.name = 'NotRunningError';
  }
}

/** Whether a tab shows the bundled demo article. */
export function isDemoUrl(url: string, demoUrl: string): boolean {
  return url === demoUrl || url.startsWith(`${demoUrl}?`) || url.startsWith(`${demoUrl}#`);
}

/** A client for one tab; `demo` routes through runtime messages addressed to the tab. */
export function tabClient(tabId: number, demo: boolean, messenger: Messenger): TabClient {
  return {
    async send<R extends ContentRequest>(request: R): Promise<Answer<R['type']>> {
      let answer: unknown;
      try {
        const addressed: AddressedRequest = { ...request, tabId };
        answer = demo ? await messenger.runtime.sendMessage(addressed) : await messenger.tabs.sendMessage(tabId, request);
      } catch (error) {
        throw new NotRunningError(error);
      }
      // A listener that is registered but not ready yet answers nothing.
      if (answer === undefined || answer === null) throw new NotRunningError();
      return answer as Answer<R['type']>;
    },
  };
}

function isPageResults(value: unknown): value is PageResults {
  return typeof value === 'object' && value !== null && Array.isArray((value as PageResults).mentions);
}

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });

export interface RetryOptions {
  /** How many times to ask; more while a content script may still be starting. */
  attempts: number;
  delayMs: number;
  signal?: AbortSignal;
}

/** Asks the tab for its results, retrying while nothing answers; throws NotRunningError at the end. */
export async function fetchResults(client: TabClient, { attempts, delayMs, signal }: RetryOptions): Promise<PageResults> {
  let last: unknown;
  for (let attempt = 0; attempt < Math.max(1, attempts); attempt++) {
    if (attempt > 0) await sleep(delayMs, signal);
    if (signal?.aborted) break;
    try {
      const results = await client.send({ type: 'get-results' });
      if (isPageResults(results)) return results;
      last = new Error('malformed answer');
    } catch (error) {
      last = error;
    }
  }
  throw last instanceof NotRunningError ? last : new NotRunningError(last);
}
