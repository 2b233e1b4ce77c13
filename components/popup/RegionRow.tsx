import { plural } from '../../data/labels';
import type { RegionGlance } from './region-glance';
import { SectorChips } from './SectorChips';
import type { RegionSummary } from './summarize';

interface RegionRowProps {
  summary: RegionSummary;
  glance: RegionGlance;
  open: boolean;
  onToggle: () => void;
  headingId: string;
  /** The id of the card body the row opens. */
  bodyId: string;
}

/**
 * A region at a glance, one compact row: names and 2026 growth target, then its top three
 * priority sectors and how often the page names it. The name is the disclosure button (Enter, Space); a click anywhere on the
 * row does the same, as a larger target for the pointer.
 */
export function RegionRow({ summary, glance, open, onToggle, headingId, bodyId }: RegionRowProps) {
  const { region } = summary;
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the button inside is the keyboard control; the row is a larger pointer target for the same action
    // biome-ignore lint/a11y/useKeyWithClickEvents: the button inside is the keyboard control; the row is a larger pointer target for the same action
    <div class="row" onClick={onToggle}>
      <div class="row-line">
        <h3 id={headingId} class="row-title">
          <button type="button" class="row-toggle" aria-expanded={open} aria-controls={bodyId}>
            {region.nameEn}{' '}
            <span lang="zh-Hans" class="zh">
              {region.nameZh}
            </span>
          </button>
        </h3>
        <span class="row-target" data-target={glance.target ? 'yes' : 'none'} title={glance.target?.title}>
          {glance.target ? (
            <>
              {glance.target.label} <strong>{glance.target.value}</strong>
            </>
          ) : (
            'no 2026 target on record'
          )}
        </span>
      </div>
      <div class="row-line row-line--sectors">
        <SectorChips chips={glance.topSectors} label={`Top priority sectors of ${region.nameEn}`} />
        <span class="row-count" data-count={summary.count}>
          {plural(summary.count, 'mention')}
        </span>
      </div>
    </div>
  );
}
