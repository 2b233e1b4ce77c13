import type { PageSummary } from './summarize';
import { RegionSectorGrid } from './RegionSectorGrid';
import { SectorChips } from './SectorChips';

interface PageOverviewProps {
  summary: PageSummary;
}

/** On this page, as a whole: the sectors it names with their counts, and the region × sector grid. */
export function PageOverview({ summary }: PageOverviewProps) {
  if (summary.sectors.length === 0) return null;
  return (
    <section class="overview" aria-labelledby="overview-heading">
      <h2 id="overview-heading">Sectors on this page</h2>
      <SectorChips chips={summary.sectors} label="Sectors the page names, with mention counts" />
      <RegionSectorGrid grid={summary.grid} />
    </section>
  );
}
