import type { Region, RegionId } from '../../data/schema';
import { MAX_COMPARED } from './view-state';

interface ComparePickerProps {
  /** The regions on the page, in the list's order. */
  regions: readonly Region[];
  chosen: readonly RegionId[];
  onChange: (chosen: RegionId[]) => void;
}

/** Checkboxes for the regions on the page; once four are picked the others wait. */
export function ComparePicker({ regions, chosen, onChange }: ComparePickerProps) {
  const full = chosen.length >= MAX_COMPARED;
  const toggle = (id: RegionId, on: boolean): void =>
    onChange(on ? [...chosen.filter((c) => c !== id), id] : chosen.filter((c) => c !== id));
  return (
    <fieldset class="card compare-picker">
      <legend>Pick two to four regions</legend>
      <ul class="compare-choices">
        {regions.map((region) => {
          const checked = chosen.includes(region.id);
          return (
            <li key={region.id}>
              <label class={!checked && full ? 'compare-choice compare-choice--full' : 'compare-choice'}>
                <input
                  type="checkbox"
                  data-compare-region={region.id}
                  checked={checked}
                  disabled={!checked && full}
                  onChange={(event) => toggle(region.id, (event.currentTarget as HTMLInputElement).checked)}
                />{' '}
                {region.nameEn}{' '}
                <span lang="zh-Hans" class="zh">
                  {region.nameZh}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      <p class="subtle" role="status" aria-live="polite">
        {chosen.length < 2
          ? `Pick ${2 - chosen.length} more to compare.`
          : full
            ? `${MAX_COMPARED} picked: the most that fit side by side.`
            : `${chosen.length} picked.`}
      </p>
    </fieldset>
  );
}
