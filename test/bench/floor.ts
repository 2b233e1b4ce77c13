/**
 * The references the page benchmarks hold our work against: a floor (one TreeWalker and one
 * RegExp pass that only counts matches) and the floor plus wrapping every match in a mark.
 */
import type { Page } from 'playwright-core';
import { categories, cities, regions } from '../../data';
import type { ExtensionBrowser } from '../e2e/harness';

/** Every English name the extension knows, as one alternation: the floor's single RegExp. */
export function floorPattern(): string {
  const terms = [
    ...regions.flatMap((r) => r.termsEn),
    ...cities.flatMap((c) => c.termsEn),
    ...categories.flatMap((c) => c.sectors.flatMap((s) => s.termsEn)),
  ];
  const escaped = [...new Set(terms)].sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return `\\b(?:${escaped.join('|')})\\b`;
}

export async function measureFloor(page: Page, pattern: string): Promise<{ ms: number; matches: number }> {
  return page.evaluate((source) => {
    const re = new RegExp(source, 'gi');
    const once = (): number => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let matches = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        re.lastIndex = 0;
        const text = (n as Text).data;
        while (re.exec(text) !== null) matches++;
      }
      return matches;
    };
    once(); // warm up: the first exec compiles the RegExp
    // Repeat until at least 200 ms have passed: page timers are coarse (0.1 ms), a pass is not.
    let runs = 0;
    let matches = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < 200 || runs < 3) {
      matches = once();
      runs++;
    }
    return { ms: (performance.now() - t0) / runs, matches };
  }, pattern);
}

/**
 * The floor plus the DOM work every highlighter must do: each match the floor's RegExp finds is
 * split out of its text node and wrapped in a mark with our attributes, once, in a fresh tab
 * where the extension does not run (only news sites are matched). No matching rules, no
 * slicing, no mark.js: a reference for what wrapping alone costs on this machine. With
 * `forceLayout`, one layout of the marked page is timed too (the *floor + wrapping* reference
 * that `npm run bench:pays` holds the page's extra time against).
 */
export async function measureWrapFloor(
  browser: ExtensionBrowser,
  url: string,
  pattern: string,
  { forceLayout = false }: { forceLayout?: boolean } = {},
): Promise<{ ms: number; marks: number }> {
  const page = await browser.context.newPage();
  await page.goto(url);
  // Make sure it is a page the extension leaves alone (it would have marked it by now).
  await page.waitForTimeout(300);
  if (await page.$('html[data-fyp-status]')) throw new Error(`the extension ran on ${url}`);
  const result = await page.evaluate(([source, layout]) => {
    const re = new RegExp(source, 'gi');
    const nodes: Text[] = [];
    const t0 = performance.now();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    let marks = 0;
    for (const node of nodes) {
      // Right to left, so that splitting leaves the offsets still to come unchanged.
      const hits = [...node.data.matchAll(re)].reverse();
      for (const hit of hits) {
        const piece = node.splitText(hit.index);
        piece.splitText(hit[0].length);
        const mark = document.createElement('mark');
        mark.className = 'fyp-mark';
        mark.setAttribute('data-fyp-kind', 'region');
        mark.setAttribute('data-fyp-id', 'zhejiang');
        piece.replaceWith(mark);
        mark.append(piece);
        marks++;
      }
    }
    // Reading a layout value makes the browser lay the marked page out now, inside the timing.
    if (layout) void document.body.offsetHeight;
    return { ms: performance.now() - t0, marks };
  }, [pattern, forceLayout] as const);
  await page.close();
  return result;
}
