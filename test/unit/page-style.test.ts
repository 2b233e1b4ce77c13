import { describe, expect, it } from 'vitest';
import { categories } from '../../data/dictionary';
import { contrastRatio, underlineColorFor } from '../../data/palette';
import { buildPageCss } from '../../entrypoints/content/page-style';

describe('page style', () => {
  it('draws underlines that stand out on a white page, even for pastel defaults', () => {
    for (const color of ['#ffecb3', '#ffd54f', ...categories.map((c) => c.color)]) {
      expect(contrastRatio(underlineColorFor(color), '#ffffff'), color).toBeGreaterThanOrEqual(3);
    }
    expect(underlineColorFor('#1f4e8c')).toBe('#1f4e8c');
  });

  it('has a rule per category in both styles', () => {
    for (const style of ['background', 'underline'] as const) {
      const css = buildPageCss({ categories, colors: {}, style });
      for (const c of categories) expect(css).toContain(`[data-fyp-category="${c.id}"]`);
      expect(css).toContain('[data-fyp-kind="city"]');
    }
  });
});
