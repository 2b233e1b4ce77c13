/**
 * The one colour source for highlights: the page's marks, the popup's chips and the options
 * page's swatches all read it. Defaults come from the data; the user may override each.
 */
import type { SectorCategory } from './schema';

export const REGION_COLOR = '#ffd54f';
export const CITY_COLOR = '#ffecb3';
/** Underline styles cycled through the categories; regions solid, cities dotted. */
const CUES = ['dashed', 'double', 'wavy', 'solid', 'dotted'] as const;

export interface PaletteInput {
  categories: readonly Pick<SectorCategory, 'id' | 'color'>[];
  /** User overrides by key ("region", "city", category id). */
  colors: Record<string, string>;
}

export interface PaletteEntry {
  color: string;
  /** CSS text-decoration-style: the non-colour cue for colour-blind readers. */
  cue: string;
}

/** The colour and underline cue of every highlight kind ("region", "city", category ids). */
export function paletteFor(input: PaletteInput): Map<string, PaletteEntry> {
  const palette = new Map<string, PaletteEntry>();
  palette.set('region', { color: input.colors.region ?? REGION_COLOR, cue: 'solid' });
  palette.set('city', { color: input.colors.city ?? CITY_COLOR, cue: 'dotted' });
  input.categories.forEach((category, i) => {
    palette.set(category.id, {
      color: input.colors[category.id] ?? category.color,
      cue: CUES[i % CUES.length] as string,
    });
  });
  return palette;
}

