/**
 * The sector categories (id, label, colour) the content script needs for its colours and its
 * category filter, compiled at build time into data/dictionary-compiled.json beside the
 * dictionary. The names a mark stands for are not carried: a mark's card or tooltip asks the
 * background for them (data/dictionary.ts's describeEntity), which keeps the content script
 * small. Pure.
 */
import type { SectorCategory } from '../../data/schema';

/** A sector category as the content script needs it. */
export type CategoryInfo = Pick<SectorCategory, 'id' | 'label' | 'color'>;

/** The categories as JSON data (see namesSnapshot). */
export interface NamesSnapshot {
  categories: CategoryInfo[];
}

/** The categories of the dataset as JSON data, for data/dictionary-compiled.json. */
export function namesSnapshot(source: { categories: readonly SectorCategory[] }): NamesSnapshot {
  return { categories: source.categories.map(({ id, label, color }) => ({ id, label, color })) };
}
