import type { ContentRequest, Handlers } from '../../data/protocol';
import type { PageAnnotation } from './page-annotation';

/**
 * The handlers for the popup's and the background's requests to a page's engine; silent (no
 * answer, so the sender sees "not running") while the engine is still starting.
 */
export function answerer(page: () => PageAnnotation | undefined): Handlers<ContentRequest['type']> {
  return {
    'get-results': () => page()?.results(),
    'jump-to-region': ({ region }) => page()?.jumpTo(region),
    'toggle-highlights': async () => {
      const current = page();
      return current ? { enabled: await current.toggle() } : undefined;
    },
  };
}
