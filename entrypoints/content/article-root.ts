/**
 * Where to highlight: the article body when the page marks one up, else the main content,
 * else the whole body (site chrome inside it is skipped by text-blocks).
 */
export function findArticleRoot(doc: Document): Element {
  const single = (selector: string): Element | null => {
    const found = doc.querySelectorAll(selector);
    return found.length === 1 ? (found[0] as Element) : null;
  };
  return (
    single('[itemprop="articleBody"]') ??
    single('article') ??
    single('main, [role="main"]') ??
    doc.body
  );
}
