import type { ContentRequest, Handlers } from '../../data/protocol';
import type { PageAnnotation } from './page-annotation';

/**
 * Runs one answer and records the page's time spent on it as a user-timing measure, for
 * DevTools and `npm run bench:page-safety`.
 */
function timed<T>(type: ContentRequest['type'], run: () => T): T {
  const start = performance.now();
  const answer = run();
  performance.measure(`fyp:${type}`, { start, end: performance.now(), detail: { receivedAt: Date.now() } });
  return answer;
}

/**
 * The handlers for the popup's and the background's requests to a page's engine; silent (no
 * answer, so the sender sees "not running") while the engine is still starting.
 */
export function answerer(page: () => PageAnnotation | undefined): Handlers<ContentRequest['type']> {
  return {
    'get-results': () => timed('get-results', () => page()?.results()),
    'jump-to-region': ({ region }) => timed('jump-to-region', () => page()?.jumpTo(region)),
    'toggle-highlights': async () => {
      const current = page();
      return current ? { enabled: await current.toggle() } : undefined;
    },
  };
}
