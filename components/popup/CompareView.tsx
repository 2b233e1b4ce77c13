import type { Comparison } from './compare';
import { usePopupContext } from './popup-context';
import { SectorChips } from './SectorChips';

interface CompareViewProps {
  comparison: Comparison;
}

/**
 * Regions' priorities side by side: one table per sector category, a column per region, a dot
 * where the region's plan names the sector (with how many of its priorities do), and the
 * sectors two or more of them share marked — and listed first, above the tables.
 */
export function CompareView({ comparison }: CompareViewProps) {
  const { palette } = usePopupContext();
  const { regions, groups, shared } = comparison;
  if (regions.length < 2) return null;
  const names = regions.map((r) => r.nameEn).join(', ');
  return (
    <section class="card compare" aria-label={`Priorities of ${names} compared`} data-compare={regions.map((r) => r.id).join(' ')}>
      <div class="compare-shared">
        <h3 class="compare-heading">Shared priorities</h3>
        {shared.length > 0 ? (
          <SectorChips
            label={`Sectors two or more of ${names} prioritise`}
            chips={shared.map((row) => ({ id: row.sector.id, label: `${row.sector.label} ${row.regionsWith}/${regions.length}`, category: row.sector.category }))}
          />
        ) : (
          <p class="subtle">None: their plans name no sector in common.</p>
        )}
      </div>
      {groups.length === 0 ? <p class="subtle">The data holds no verified priorities for these regions yet.</p> : null}
      {groups.map(({ category, rows }) => (
        <section key={category.id} class="compare-group" data-category={category.id}>
          <h4 class="group-heading">
            <span class="swatch" aria-hidden="true" style={{ background: palette.get(category.id)?.color ?? category.color }} />
            {category.label}
          </h4>
          <table class="compare-table">
            <thead>
              <tr>
                <th scope="col">Sector</th>
                {regions.map((region) => (
                  <th key={region.id} scope="col" data-column={region.id}>
                    {region.nameEn}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.sector.id} data-sector={row.sector.id} class={row.shared ? 'compare-row compare-row--shared' : 'compare-row'}>
                  <th scope="row">
                    {row.sector.label}
                    {row.shared ? (
                      <span class="shared-mark" title={`Shared by ${row.regionsWith} of ${regions.length}`}>
                        {' '}
                        shared
                      </span>
                    ) : null}
                  </th>
                  {row.counts.map((n, i) => {
                    const region = regions[i];
                    return (
                      <td key={region?.id ?? i} class={n > 0 ? 'hit' : 'miss'}>
                        {n > 0 ? (
                          <span role="img" aria-label={`${region?.nameEn}: ${n === 1 ? '1 priority' : `${n} priorities`}`}>
                            ●{n > 1 ? n : ''}
                          </span>
                        ) : (
                          <span role="img" aria-label={`${region?.nameEn}: not a priority`}>
                            ·
                          </span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <p class="subtle compare-note">Verified priorities only; a number counts the priorities naming the sector.</p>
    </section>
  );
}
