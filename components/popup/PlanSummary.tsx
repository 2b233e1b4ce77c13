import { planAsOf } from '../../data/as-of';
import type { RegionId } from '../../data/schema';
import { formatDate } from '../../data/labels';
import { groupPlan, relatedNational } from './plan-groups';
import { FigureRow } from './FigureRow';
import { PlanItemRow } from './PlanItemRow';
import { usePopupContext } from './popup-context';

interface PlanSummaryProps {
  region: RegionId;
  /** Sector ids the page names, to mark matching chips. */
  pageSectors: ReadonlySet<string>;
}

/**
 * One region's 15th Five-Year Plan priorities: headline figures, then items by sector category,
 * every one with its stage and sources; items backed only by weak sources in a marked group.
 */
export function PlanSummary({ region, pageSectors }: PlanSummaryProps) {
  const { data, palette } = usePopupContext();
  const plan = data.planByRegion.get(region);
  const groups = groupPlan(plan, data.categories);
  const empty = groups.categories.length === 0 && groups.figures.length === 0;
  const unverifiedCount = groups.unverified.items.length + groups.unverified.figures.length;
  const national = relatedNational(plan, data.national);
  // The region's own date: its newest source, which may be months older than the dataset's.
  const asOf = planAsOf(plan, data.sourceById);
  return (
    <div class="plan">
      {groups.figures.length > 0 ? (
        <section class="plan-group figures-group">
          <h5 class="group-heading">Headline figures</h5>
          <ul class="figures">
            {groups.figures.map((figure) => (
              <FigureRow key={figure.id} figure={figure} />
            ))}
          </ul>
        </section>
      ) : null}
      {groups.categories.map(({ category, items }) => (
        <section key={category.id} class="plan-group" data-category={category.id}>
          <h5 class="group-heading">
            {category.color ? (
              <span class="swatch" aria-hidden="true" style={{ background: palette.get(category.id)?.color ?? category.color }} />
            ) : null}
            {category.label}
          </h5>
          <ul class="plan-items">
            {items.map((item) => (
              <PlanItemRow key={item.id} item={item} pageSectors={pageSectors} />
            ))}
          </ul>
        </section>
      ))}
      {national.length > 0 ? (
        <section class="plan-group national-group" data-national="true">
          <h5 class="group-heading">In the national plan</h5>
          <p class="national-note">National priorities on the same sectors, for comparison.</p>
          <ul class="plan-items">
            {national.map((priority) => (
              <PlanItemRow key={priority.id} item={priority} pageSectors={pageSectors} />
            ))}
          </ul>
        </section>
      ) : null}
      {empty ? <p class="plan-gap">{plan?.gaps ?? 'The data holds no sourced priorities for this region yet.'}</p> : null}
      {unverifiedCount > 0 ? (
        <section class="plan-group unverified" data-unverified="true">
          <h5 class="group-heading">
            <span aria-hidden="true">⚠ </span>Unverified
          </h5>
          <p class="unverified-note">Backed only by low-reliability sources: leads to check, not facts.</p>
          <ul class="plan-items">
            {groups.unverified.items.map((item) => (
              <PlanItemRow key={item.id} item={item} pageSectors={pageSectors} />
            ))}
            {groups.unverified.figures.map((figure) => (
              <FigureRow key={figure.id} figure={figure} />
            ))}
          </ul>
        </section>
      ) : null}
      {!empty && plan?.gaps ? <p class="plan-gap">Not found yet: {plan.gaps}</p> : null}
      {asOf !== undefined ? (
        <p class="plan-asof">
          Sources up to <time dateTime={asOf}>{formatDate(asOf)}</time>
        </p>
      ) : null}
    </div>
  );
}
