/**
 * The one colour source for highlights: the page's marks, the popup's chips and the options
 * page's swatches all read it. Defaults come from the data; the user may override each.
 */
import type { SectorCategory } from './schema';

export const REGION_COLOR = '#ffd54f';
export const CITY_COLOR = '#ffecb3';
/** National regional strategies (cluster marks). */
export const CLUSTER_COLOR = '#d1c4e9';
/**
 * Underline styles cycled through the sector categories. Regions keep solid and cities dotted
 * for themselves, so the three kinds of highlight differ without colour; with more categories
 * than CSS has underline styles, categories share cues (their marks' titles name them).
 */
const CUES = ['dashed', 'double', 'wavy'] as const;

export interface PaletteInput {
  categories: readonly Pick<SectorCategory, 'id' | 'color'>[];
  /** User overrides by key ("region", "city", "cluster", category id). */
  colors: Record<string, string>;
}

export interface PaletteEntry {
  color: string;
  /** CSS text-decoration-style: the non-colour cue for colour-blind readers. */
  cue: string;
  /** Lined above as well as below: strategies (cluster marks), told from regions without colour. */
  over?: true;
}

/** The colour and underline cue of every highlight kind ("region", "city", "cluster", category ids). */
export function paletteFor(input: PaletteInput): Map<string, PaletteEntry> {
  const palette = new Map<string, PaletteEntry>();
  palette.set('region', { color: input.colors.region ?? REGION_COLOR, cue: 'solid' });
  palette.set('city', { color: input.colors.city ?? CITY_COLOR, cue: 'dotted' });
  palette.set('cluster', { color: input.colors.cluster ?? CLUSTER_COLOR, cue: 'solid', over: true });
  input.categories.forEach((category, i) => {
    palette.set(category.id, {
      color: input.colors[category.id] ?? category.color,
      cue: CUES[i % CUES.length] as string,
    });
  });
  return palette;
}


/** The text colour our background highlights force (page-style.ts), whatever the page's theme. */
export const HIGHLIGHT_TEXT_COLOR = '#111111';
/** WCAG AA for body text: the least contrast a highlight colour must keep with its text. */
export const MIN_TEXT_CONTRAST = 4.5;
/** WCAG non-text contrast: the least an underline needs against a light or dark page. */
export const MIN_UNDERLINE_CONTRAST = 3;

export interface PaletteColor {
  /** Spoken and shown name, so the choice never rests on colour alone. */
  name: string;
  color: string;
}

/**
 * Colours a reader may choose. Mid-tones (relative luminance 0.23–0.29) on purpose: as a
 * background they keep ≥4.5:1 with our #111 text, and as an underline they keep ≥3:1 against
 * both white and near-black pages. Pastels pass the first test but vanish as underlines.
 */
export const ACCESSIBLE_COLORS: readonly PaletteColor[] = [
  { name: 'Red', color: '#ef4444' },
  { name: 'Orange', color: '#d97706' },
  { name: 'Mustard', color: '#b08c00' },
  { name: 'Green', color: '#3b9a3b' },
  { name: 'Teal', color: '#1f9e8e' },
  { name: 'Sky', color: '#1e9bd7' },
  { name: 'Blue', color: '#5b8def' },
  { name: 'Violet', color: '#8b7cf6' },
  { name: 'Orchid', color: '#c060d0' },
  { name: 'Pink', color: '#e0569b' },
];

/** WCAG relative luminance of a #rrggbb colour (0 black … 1 white). */
export function relativeLuminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => {
    const v = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  const [r = 0, g = 0, b = 0] = channels;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two #rrggbb colours (1 … 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Whether #111 text stays readable on a highlight of this colour. */
export function keepsTextReadable(color: string): boolean {
  return contrastRatio(color, HIGHLIGHT_TEXT_COLOR) >= MIN_TEXT_CONTRAST;
}

/** The name of a palette colour, or the hex itself for a colour outside the palette. */
export function colorName(color: string): string {
  return ACCESSIBLE_COLORS.find((c) => c.color === color.toLowerCase())?.name ?? color;
}

/** Words for an underline cue ("dashed underline"), for labels next to the swatches. */
export function cueName(cue: string, over?: boolean): string {
  return over ? `${cue} lines above and below` : `${cue} underline`;
}

/** The CSS text-decoration-line of a palette entry. */
export const decorationLine = (entry: Pick<PaletteEntry, 'over'>): string => (entry.over ? 'underline overline' : 'underline');

/**
 * The colour to draw an underline in: the highlight colour itself when it stands out on a white
 * page (≥3:1), else a darker shade of it, so pastel defaults do not vanish in underline mode.
 */
export function underlineColorFor(color: string): string {
  let [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(color.slice(i, i + 2), 16)) as [number, number, number];
  const hex = () => `#${[r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
  for (let i = 0; i < 30 && contrastRatio(hex(), '#ffffff') < MIN_UNDERLINE_CONTRAST; i++) {
    [r, g, b] = [r * 0.9, g * 0.9, b * 0.9];
  }
  return hex();
}
