import { plural, STRATEGY_KIND_LABEL } from '../../data/labels';
import type { Region, RegionId, RegionalStrategy } from '../../data/schema';
import { SourceList } from './SourceList';

interface StrategyCardProps {
  strategy: RegionalStrategy;
  regionById: ReadonlyMap<string, Region>;
  /** The regions this popup has a card for: their names open it. */
  regionsOnPage: ReadonlySet<RegionId>;
  onOpenRegion: (id: RegionId) => void;
}

/**
 * A national regional strategy named on the page: its names, what it is for in the plan, its
 * member regions (those with a card here open it) and the sources for both.
 */
export function StrategyCard({ strategy, regionById, regionsOnPage, onOpenRegion }: StrategyCardProps) {
  const headingId = `strategy-${strategy.id}`;
  const membersId = `${headingId}-members`;
  const nameOf = (id: RegionId): string => regionById.get(id)?.nameEn ?? id;
  const partial = strategy.members.filter((m) => m.partial === true);
  return (
    <article class="card strategy-card" data-strategy={strategy.id} aria-labelledby={headingId}>
      <h3 id={headingId} class="card-title strategy-title">
        {strategy.nameEn}{' '}
        <span lang="zh-Hans" class="zh">
          {strategy.nameZh}
        </span>
      </h3>
      <p class="card-facts">
        {STRATEGY_KIND_LABEL[strategy.kind]} · {plural(strategy.members.length, 'member region')}
      </p>
      <p class="strategy-purpose">
        {strategy.purpose} <SourceList ids={strategy.sources} />
      </p>
      <h4 id={membersId} class="strategy-members-heading">
        Member regions
      </h4>
      <ul class="strategy-members" aria-labelledby={membersId}>
        {strategy.members.map((member) => {
          const name = nameOf(member.region);
          const onPage = regionsOnPage.has(member.region);
          return (
            <li key={member.region} class="strategy-member" data-member={member.region} data-on-page={onPage ? 'yes' : 'no'}>
              {onPage ? (
                <button type="button" class="link-button" onClick={() => onOpenRegion(member.region)}>
                  {name}
                  <span class="visually-hidden"> (open its card)</span>
                </button>
              ) : (
                <span>{name}</span>
              )}
              {member.partial ? <span class="strategy-part"> (part)</span> : null}
            </li>
          );
        })}
      </ul>
      {partial.length > 0 ? (
        <ul class="strategy-parts">
          {partial.map((member) => (
            <li key={member.region} data-part={member.region}>
              {nameOf(member.region)}: {member.note}
            </li>
          ))}
        </ul>
      ) : null}
      <p class="strategy-member-sources">
        Membership: <SourceList ids={strategy.memberSources} />
      </p>
    </article>
  );
}
