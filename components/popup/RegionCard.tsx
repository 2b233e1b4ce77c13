import type { JumpResult } from '../../data/protocol';
import { REGION_TYPE_LABEL } from '../../data/labels';
import type { RegionSummary } from './summarize';
import { JumpControl } from './JumpControl';
import { MentionList } from './MentionList';
import { PlanSummary } from './PlanSummary';

interface RegionCardProps {
  summary: RegionSummary;
  /** Open the plan summary at first (the first card, or every card in a full tab). */
  open: boolean;
  pageSectors: ReadonlySet<string>;
  onJump: () => Promise<JumpResult>;
  /** Render the sections' bodies a moment later (cards below the first, so it shows sooner). */
  deferBody?: boolean;
}

/** One region named on the page: who it is, how the page names it, and what its plan says. */
export function RegionCard({ summary, open, pageSectors, onJump, deferBody = false }: RegionCardProps) {
  const { region } = summary;
  const headingId = `region-${region.id}`;
  return (
    <article class="card" data-region={region.id} aria-labelledby={headingId}>
      <header class="card-header">
        <h3 id={headingId} class="card-title">
          {region.nameEn}{' '}
          <span lang="zh-Hans" class="zh">
            {region.nameZhFull}
          </span>
        </h3>
        <p class="card-facts">
          {REGION_TYPE_LABEL[region.type]} · capital {region.capital.en}{' '}
          <span lang="zh-Hans">{region.capital.zh}</span>
        </p>
        <p class="card-count" data-count={summary.count}>
          {summary.countLabel}
        </p>
        <JumpControl regionName={region.nameEn} onJump={onJump} />
      </header>
      <details class="card-section" open={open}>
        <summary>
          <h4>15th Five-Year Plan priorities</h4>
        </summary>
        {deferBody ? <p class="subtle">Loading…</p> : <PlanSummary region={region.id} pageSectors={pageSectors} />}
      </details>
      <details class="card-section" open={open}>
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
    </article>
  );
}
