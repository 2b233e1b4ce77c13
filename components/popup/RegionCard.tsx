import type { JumpResult } from '../../data/protocol';
import { REGION_TYPE_LABEL } from '../../data/labels';
import type { RegionGlance } from './region-glance';
import type { RegionSummary } from './summarize';
import { JumpControl } from './JumpControl';
import { MentionList } from './MentionList';
import { PlanSummary } from './PlanSummary';
import { RegionRow } from './RegionRow';

interface RegionCardProps {
  summary: RegionSummary;
  glance: RegionGlance;
  /** The full card is shown below the row; closed, only the row is. */
  open: boolean;
  onToggle: () => void;
  pageSectors: ReadonlySet<string>;
  onJump: () => Promise<JumpResult>;
  /** Render the sections' bodies a moment later (cards below the first, so it shows sooner). */
  deferBody?: boolean;
}

/**
 * One region named on the page: a compact row that opens, in place, the full card — who the
 * region is, how the page names it, and what its plan says.
 */
export function RegionCard({ summary, glance, open, onToggle, pageSectors, onJump, deferBody = false }: RegionCardProps) {
  const { region } = summary;
  const headingId = `region-${region.id}`;
  const bodyId = `region-${region.id}-card`;
  return (
    <article class={open ? 'card region-card region-card--open' : 'card region-card'} data-region={region.id} aria-labelledby={headingId}>
      <RegionRow summary={summary} glance={glance} open={open} onToggle={onToggle} headingId={headingId} bodyId={bodyId} />
      {open ? (
        <div id={bodyId} class="card-body">
          <p class="card-facts">
            <span lang="zh-Hans">{region.nameZhFull}</span> · {REGION_TYPE_LABEL[region.type]} · capital {region.capital.en}{' '}
            <span lang="zh-Hans">{region.capital.zh}</span>
          </p>
          <p class="card-count" data-count={summary.count}>
            {summary.countLabel}
          </p>
          <JumpControl regionName={region.nameEn} onJump={onJump} />
          <details class="card-section" open>
            <summary>
              <h4>15th Five-Year Plan priorities</h4>
            </summary>
            {deferBody ? <p class="subtle">Loading…</p> : <PlanSummary region={region.id} pageSectors={pageSectors} />}
          </details>
          <details class="card-section" open>
            <summary>
              <h4>On this page</h4>
            </summary>
            {deferBody ? null : (
              <MentionList
                regionName={region.nameEn}
                sentences={summary.sentences}
                leftOut={summary.sentencesLeftOut}
                sectorsAlongside={summary.sectorsAlongside}
              />
            )}
          </details>
        </div>
      ) : null}
    </article>
  );
}
