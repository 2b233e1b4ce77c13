import type { Source } from '../../data/schema';
import { formatDate } from '../../data/labels';

interface SourceLinkProps {
  source: Source;
}

/** A cited source offered as a link (see isLinkedSource): publisher and date, opening the document in a new tab. */
export function SourceLink({ source }: SourceLinkProps) {
  const date = formatDate(source.date);
  return (
    <a
      class="source-link"
      href={source.url}
      target="_blank"
      rel="noopener noreferrer"
      title={source.title}
      aria-label={`${source.publisher}, ${date}: ${source.title} (opens in a new tab)`}
      data-source={source.id}
      data-kind={source.kind}
      data-reliability={source.reliability}
    >
      {source.publisher}, {date}
    </a>
  );
}
