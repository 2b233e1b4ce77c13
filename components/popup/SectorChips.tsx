import { textColorOn } from '../../data/contrast';
import { usePopupContext } from './popup-context';

export interface Chip {
  id: string;
  label: string;
  /** Category id: the palette key, so the chip matches the page's highlight. */
  category: string;
  count?: number;
  /** The page names this sector too. */
  onPage?: boolean;
}

interface SectorChipsProps {
  chips: readonly Chip[];
  label: string;
}

/** Sector chips coloured like the page's highlights (same palette, same underline cue). */
export function SectorChips({ chips, label }: SectorChipsProps) {
  const { palette } = usePopupContext();
  if (chips.length === 0) return null;
  return (
    <ul class="chips" aria-label={label}>
      {chips.map((chip) => {
        const entry = palette.get(chip.category);
        const background = entry?.color ?? '#e0e0e0';
        const style = {
          background,
          color: textColorOn(background),
          textDecorationStyle: entry?.cue ?? 'solid',
        };
        return (
          <li key={chip.id} class={chip.onPage ? 'chip chip--on-page' : 'chip'} style={style} data-sector={chip.id} title={chip.label}>
            {chip.label}
            {chip.count !== undefined && chip.count > 1 ? <span class="chip-count"> ×{chip.count}</span> : null}
            {chip.onPage ? <span class="visually-hidden"> (named on this page)</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
