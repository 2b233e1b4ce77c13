import { afterEach, describe, expect, it, vi } from 'vitest';
import { nearViewport, type NearWatcher } from '../../entrypoints/content/near-viewport';

/** Paragraphs 500 px tall, one under the other, `scrolled` px from the top. */
function page(count: number, scrolled: () => number): HTMLElement[] {
  document.body.innerHTML = Array.from({ length: count }, (_, i) => `<p id="p${i}">Paragraph ${i}</p>`).join('');
  const paragraphs = [...document.querySelectorAll('p')] as HTMLElement[];
  paragraphs.forEach((p, i) => {
    vi.spyOn(p, 'getBoundingClientRect').mockImplementation(() => {
      const top = i * 500 - scrolled();
      return { top, bottom: top + 500, left: 0, right: 800, width: 800, height: 500, x: 0, y: top } as DOMRect;
    });
  });
  return paragraphs;
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

describe('nearViewport', () => {
  let watcher: NearWatcher | undefined;
  afterEach(() => {
    watcher?.disconnect();
    vi.restoreAllMocks();
  });

  it('reports the elements within two screens of the viewport, once, and more as the reader scrolls', async () => {
    let y = 0;
    const paragraphs = page(100, () => y);
    vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(1000);
    const near: string[][] = [];
    watcher = nearViewport((elements) => near.push(elements.map((e) => e.id)));
    // Observed out of order: they are kept in document order.
    for (const p of [...paragraphs.slice(50), ...paragraphs.slice(0, 50)]) watcher.observe(p);
    await nextFrame();
    // The viewport is 0–1000 px: near is -2000 to 3000 px (edges included), paragraphs 0–6.
    expect(near).toEqual([['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6']]);
    y = 20_000;
    window.dispatchEvent(new Event('scroll'));
    await nextFrame();
    // 18,000–23,000 px: paragraph 35 (17,500–18,000) ends on the edge, 46 starts on it.
    expect(near[1]).toEqual(Array.from({ length: 12 }, (_, i) => `p${35 + i}`));
    window.dispatchEvent(new Event('scroll'));
    await nextFrame();
    expect(near).toHaveLength(2);
  });

  it('forgets unobserved elements and stops after disconnect', async () => {
    const y = 0;
    const paragraphs = page(10, () => y);
    vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(1000);
    const near: string[][] = [];
    watcher = nearViewport((elements) => near.push(elements.map((e) => e.id)));
    for (const p of paragraphs) watcher.observe(p);
    watcher.unobserve(paragraphs[1] as HTMLElement);
    await nextFrame();
    expect(near).toEqual([['p0', 'p2', 'p3', 'p4', 'p5', 'p6']]);
    watcher.disconnect();
    window.dispatchEvent(new Event('scroll'));
    await nextFrame();
    expect(near).toHaveLength(1);
  });
});
