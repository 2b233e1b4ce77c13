/**
 * What a page is about, for the matcher: the title and headline as context for names the
 * paragraph leaves open, and whether the page is about China at all (sector words are marked
 * only there: "civil aviation" in a story about Nepal is no Chinese sector).
 */
import { findHeadline } from './article-root';
import { mentionsChina, type CompiledDictionary } from './matcher';
import { blockText, walkTextBlocks } from './text-blocks';

/** The page's title and headline, as one context text. */
export function pageContext(doc: Document): string {
  const headline = findHeadline(doc)?.textContent?.trim() ?? '';
  return headline === '' || doc.title.includes(headline) ? doc.title : `${doc.title}\n${headline}`;
}

/**
 * Whether the page is about China: its title or headline, or some block of its article, says
 * China or names a region or city (the capital standing for the government included). The walk
 * stops at the first such block, which on a page about China is one of the first.
 */
export function isAboutChina(dict: CompiledDictionary, context: string, root: Element): boolean {
  if (mentionsChina(dict, context)) return true;
  for (const block of walkTextBlocks(root)) {
    if (mentionsChina(dict, blockText(block))) return true;
  }
  return false;
}
