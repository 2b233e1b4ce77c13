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

  it('lines strategy marks above and below, in their colour or the reader’s, and shows a stepped-to mark’s focus', () => {
    for (const style of ['background', 'underline'] as const) {
      const css = buildPageCss({ categories, colors: {}, style });
      const rule = css.split('\n').find((line) => line.includes('[data-fyp-kind="cluster"]')) ?? '';
      expect(rule).toContain('text-decoration:underline overline solid');
      expect(css.split('\n').find((line) => line.includes('[data-fyp-kind="region"]'))).not.toContain('overline');
    }
    expect(buildPageCss({ categories, colors: { cluster: '#c060d0' }, style: 'background' })).toContain('[data-fyp-kind="cluster"]{background-color:#c060d0');
    expect(buildPageCss({ categories, colors: {}, style: 'background' })).toContain(':focus-visible{outline');
  });
});
