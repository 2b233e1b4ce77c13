import type { SectorCount } from './summarize';
import { SectorChips } from './SectorChips';
import { plural } from '../../data/labels';

interface MentionListProps {
  regionName: string;
  /** Sentences naming the region, as plain text (rendered as text nodes, never as HTML). */
  sentences: readonly string[];
  /** How many more distinct sentences name the region than are listed. */
  leftOut?: number;
  sectorsAlongside: readonly SectorCount[];
}

const SHOWN = 4;

/** On this page: the sentences that name the region and the sectors named alongside it. */
export function MentionList({ regionName, sentences, leftOut = 0, sectorsAlongside }: MentionListProps) {
  const shown = sentences.slice(0, SHOWN);
  const rest = sentences.slice(SHOWN);
  return (
    <div class="mentions">
      <ul class="sentences" aria-label={`Sentences naming ${regionName}`}>
        {shown.map((sentence, i) => (
          <li key={i}>{sentence}</li>
        ))}
      </ul>
      {rest.length > 0 ? (
        <details class="more">
          <summary>{rest.length} more sentences</summary>
          <ul class="sentences">
            {rest.map((sentence, i) => (
              <li key={i}>{sentence}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {leftOut > 0 ? <p class="subtle">…and {plural(leftOut, 'more sentence')} on the page.</p> : null}
      {sectorsAlongside.length > 0 ? (
        <>
          <p class="subtle">Sectors in the same paragraphs:</p>
          <SectorChips
            chips={sectorsAlongside}
            label={`Sectors the page names alongside ${regionName}, with paragraph counts`}
          />
        </>
      ) : null}
    </div>
  );
}
