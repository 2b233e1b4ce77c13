import type { PlanItem } from '../../data/schema';
import { STAGE_LABEL } from '../../data/labels';
import { usePopupContext } from './popup-context';
import { SectorChips, type Chip } from './SectorChips';
import { SourceList } from './SourceList';

interface PlanItemRowProps {
  item: PlanItem;
  /** Sector ids the page names, to mark matching chips. */
  pageSectors: ReadonlySet<string>;
}

/** One priority: our paraphrase, its sectors as chips, its document stage and sources. */
export function PlanItemRow({ item, pageSectors }: PlanItemRowProps) {
  const { data } = usePopupContext();
  const chips: Chip[] = item.sectors.map((id) => {
    const found = data.sectorById.get(id);
    return { id, label: found?.sector.label ?? id, category: found?.category.id ?? item.category, onPage: pageSectors.has(id) };
  });
  return (
    <li class="plan-item" data-item={item.id}>
      <p class="plan-text">{item.text}</p>
      <SectorChips chips={chips} label="Sectors" />
      <p class="plan-meta">
        <span class="stage" title="Document stage">
          {STAGE_LABEL[item.stage]}
        </span>{' '}
        · <SourceList ids={item.sources} />
      </p>
    </li>
  );
}
