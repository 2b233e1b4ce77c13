import { useMemo } from 'preact/hooks';
import type { Region, RegionId, RegionalStrategy } from '../../data/schema';
import { StrategyCard } from './StrategyCard';
import './strategy.css';

/** The lookups the strategy cards need (data/index.ts provides them: clusterById, regionById). */
export interface StrategyLookups {
  strategyById: ReadonlyMap<string, RegionalStrategy>;
  regionById: ReadonlyMap<string, Region>;
}

interface StrategyListProps {
  /** The strategies the page names, in the order to show them; unknown ids are left out. */
  ids: readonly string[];
  lookups: StrategyLookups;
  /** The regions this popup has a card for. */
  regionsOnPage: ReadonlySet<RegionId>;
  onOpenRegion: (id: RegionId) => void;
}

/** A card for each national regional strategy the page names; nothing when it names none. */
export function StrategyList({ ids, lookups, regionsOnPage, onOpenRegion }: StrategyListProps) {
  const strategies = useMemo(
    () =>
      [...new Set(ids)]
        .map((id) => lookups.strategyById.get(id))
        .filter((s): s is RegionalStrategy => s !== undefined),
    [ids, lookups],
  );
  if (strategies.length === 0) return null;
  const count = strategies.length;
  return (
    <section class="strategies" aria-labelledby="strategies-heading">
      <h2 id="strategies-heading" class="section-heading">
        {count} national regional {count === 1 ? 'strategy' : 'strategies'} on this page
      </h2>
      <p class="subtle">Named on the page; each lists its member regions.</p>
      <div class="cards">
        {strategies.map((strategy) => (
          <StrategyCard
            key={strategy.id}
            strategy={strategy}
            regionById={lookups.regionById}
            regionsOnPage={regionsOnPage}
            onOpenRegion={onOpenRegion}
          />
        ))}
      </div>
    </section>
  );
}
