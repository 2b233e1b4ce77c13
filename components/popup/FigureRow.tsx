import type { Figure } from '../../data/schema';
import { SourceList } from './SourceList';

interface FigureRowProps {
  figure: Figure;
}

/** A headline figure ("R&D spending: 3.2% of GDP by 2030") with its sources. */
export function FigureRow({ figure }: FigureRowProps) {
  return (
    <li class="figure" data-figure={figure.id}>
      <span class="figure-label">{figure.label}:</span> <strong class="figure-value">{figure.value}</strong>{' '}
      <span class="plan-meta">
        <SourceList ids={figure.sources} />
      </span>
    </li>
  );
}
