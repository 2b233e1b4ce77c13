import { useMemo } from 'preact/hooks';
import type { Region, RegionId } from '../../data/schema';
import { compareRegions, type CompareLookups } from './compare';
import { ComparePicker } from './ComparePicker';
import { CompareView } from './CompareView';

interface CompareSectionProps {
  /** The regions on the page, in the list's order. */
  regions: readonly Region[];
  /** Picked regions; ones no longer on the page are left out. */
  chosen: readonly RegionId[];
  onChange: (chosen: RegionId[]) => void;
  lookups: CompareLookups;
}

/** Compare: pick regions on the page, see their priorities side by side. */
export function CompareSection({ regions, chosen, onChange, lookups }: CompareSectionProps) {
  const onPage = useMemo(() => chosen.filter((id) => regions.some((r) => r.id === id)), [chosen, regions]);
  const comparison = useMemo(() => compareRegions(onPage, lookups), [onPage, lookups]);
  return (
    <div class="compare-section">
      <ComparePicker regions={regions} chosen={onPage} onChange={onChange} />
      <CompareView comparison={comparison} />
    </div>
  );
}
