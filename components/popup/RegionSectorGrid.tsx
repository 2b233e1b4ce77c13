import type { CoOccurrenceGrid } from './summarize';
import { usePopupContext } from './popup-context';

interface RegionSectorGridProps {
  grid: CoOccurrenceGrid;
}

/** Region × sector table: in how many paragraphs the page names both. Scrolls sideways. */
export function RegionSectorGrid({ grid }: RegionSectorGridProps) {
  const { palette } = usePopupContext();
  if (grid.rows.length === 0 || grid.sectors.length === 0) return null;
  return (
    // A focusable scroll box, so keyboard users can scroll a grid wider than the popup.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable to be scrolled from the keyboard
    // biome-ignore lint/a11y/useSemanticElements: a labelled scroll box, not a section of the document outline
    <div class="grid-scroll" tabIndex={0} role="region" aria-labelledby="grid-caption">
      <table class="grid">
        <caption id="grid-caption">Paragraphs naming each region together with each sector</caption>
        <thead>
          <tr>
            <th scope="col">Region</th>
            {grid.sectors.map((sector) => (
              <th
                key={sector.id}
                scope="col"
                class="grid-sector"
                style={{ borderBottomColor: palette.get(sector.category)?.color ?? 'transparent' }}
              >
                {sector.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.rows.map((row) => (
            <tr key={row.region.id}>
              <th scope="row">{row.region.nameEn}</th>
              {row.cells.map((n, i) => (
                <td key={grid.sectors[i]?.id ?? i} class={n > 0 ? 'hit' : 'miss'}>
                  {n > 0 ? n : <span role="img" aria-label="none">·</span>}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
