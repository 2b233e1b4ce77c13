import type { ContentRequest } from '../../data/protocol';
import type { PageAnnotation } from './page-annotation';

/** Answers one popup or background request. */
export async function answer(page: PageAnnotation, message: ContentRequest): Promise<unknown> {
  switch (message.type) {
    case 'get-results':
      return page.results();
    case 'jump-to-region':
      return page.jumpTo(message.region);
    case 'toggle-highlights':
      return { enabled: await page.toggle() };
  }
}
