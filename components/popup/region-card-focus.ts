import type { RegionId } from '../../data/schema';

/**
 * Brings a region's card into view and puts the keyboard focus on its toggle, so that a link
 * from elsewhere in the popup (a strategy's member list) lands where the reader can act.
 * False when the popup shows no card for the region.
 */
export function focusRegionCard(root: ParentNode, id: RegionId): boolean {
  const card = root.querySelector<HTMLElement>(`[data-region="${id}"]`);
  if (!card) return false;
  card.scrollIntoView({ block: 'nearest' });
  card.querySelector<HTMLElement>('.row-toggle')?.focus({ preventScroll: true });
  return true;
}
