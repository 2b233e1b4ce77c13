import { isLinkedSource } from '../../data/source-links';
import { resolveSources } from './plan-groups';
import { usePopupContext } from './popup-context';
import { SourceLink } from './SourceLink';
import { UnlinkedSource } from './UnlinkedSource';

interface SourceListProps {
  ids: readonly string[];
}

/**
 * The sources an item or figure cites: links to the documents, and mirror, aggregator and
 * machine copies named as text; says so when none resolves.
 */
export function SourceList({ ids }: SourceListProps) {
  const { data } = usePopupContext();
  const sources = resolveSources(ids, data.sourceById);
  if (sources.length === 0) return <span class="no-source">no source recorded</span>;
  return (
    <span class="sources">
      <span class="visually-hidden">Sources: </span>
      {sources.map((source, i) => (
        <span key={source.id}>
          {i > 0 ? '; ' : ''}
          {isLinkedSource(source) ? <SourceLink source={source} /> : <UnlinkedSource source={source} />}
        </span>
      ))}
    </span>
  );
}
