import { describe, expect, it } from 'vitest';
import {
  ACCESSIBLE_COLORS,
  CITY_COLOR,
  contrastRatio,
  HIGHLIGHT_TEXT_COLOR,
  MIN_TEXT_CONTRAST,
  MIN_UNDERLINE_CONTRAST,
  paletteFor,
  REGION_COLOR,
  relativeLuminance,
} from '../../data/palette';

describe('contrast arithmetic', () => {
  it('matches the WCAG reference values', () => {
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 10);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 10);
    // The well-known pair: #767676 is the lightest grey with 4.5:1 on white (4.54:1), #777777 just fails.
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});

describe('the choosable palette', () => {
  it.each(ACCESSIBLE_COLORS.map((c) => [c.name, c.color]))(
    '%s (%s) keeps #111 text readable and shows as an underline on light and dark pages',
    (_name, color) => {
      expect(contrastRatio(color, HIGHLIGHT_TEXT_COLOR)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
      expect(contrastRatio(color, '#ffffff')).toBeGreaterThanOrEqual(MIN_UNDERLINE_CONTRAST);
      expect(contrastRatio(color, '#121212')).toBeGreaterThanOrEqual(MIN_UNDERLINE_CONTRAST);
    },
  );

  it('has unique names and normalised colours', () => {
    expect(new Set(ACCESSIBLE_COLORS.map((c) => c.name)).size).toBe(ACCESSIBLE_COLORS.length);
    expect(new Set(ACCESSIBLE_COLORS.map((c) => c.color)).size).toBe(ACCESSIBLE_COLORS.length);
    for (const { color } of ACCESSIBLE_COLORS) expect(color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('keeps the default region and city colours readable behind #111 text', () => {
    expect(contrastRatio(REGION_COLOR, HIGHLIGHT_TEXT_COLOR)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
    expect(contrastRatio(CITY_COLOR, HIGHLIGHT_TEXT_COLOR)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
  });

  it('gives each kind a non-colour cue, user colours overriding the defaults', () => {
    const palette = paletteFor({
      categories: [
        { id: 'a', color: '#ffcc80' },
        { id: 'b', color: '#c5e1a5' },
      ],
      colors: { b: '#1f9e8e' },
    });
    expect(palette.get('region')).toEqual({ color: REGION_COLOR, cue: 'solid' });
    expect(palette.get('city')?.cue).toBe('dotted');
    expect(palette.get('b')?.color).toBe('#1f9e8e');
    expect(palette.get('a')?.cue).not.toBe(palette.get('b')?.cue);
  });

  it('keeps the region and city cues for regions and cities, however many categories there are', () => {
    const categories = Array.from({ length: 12 }, (_, i) => ({ id: `c${i}`, color: '#ffcc80' }));
    const palette = paletteFor({ categories, colors: {} });
    for (const category of categories) {
      expect(['solid', 'dotted']).not.toContain(palette.get(category.id)?.cue);
    }
  });
});
