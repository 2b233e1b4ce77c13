import type { Source } from '../../data/schema';
import { formatDate } from '../../data/labels';
import { unlinkedSourceNote } from '../../data/source-links';

interface UnlinkedSourceProps {
  source: Source;
}

/**
 * A cited source that is not offered as a link (a mirror copy, an aggregator's or a machine's
 * version): publisher, date, title and what it is, as plain text.
 */
export function UnlinkedSource({ source }: UnlinkedSourceProps) {
  return (
    <span class="source-unlinked" data-source={source.id} data-kind={source.kind} data-reliability={source.reliability}>
      {source.publisher}, {formatDate(source.date)}: <cite>{source.title}</cite>{' '}
      <span class="source-grade">({unlinkedSourceNote(source)})</span>
    </span>
  );
}
