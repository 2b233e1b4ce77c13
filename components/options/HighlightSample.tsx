import type { CSSProperties } from 'preact';
import { HIGHLIGHT_TEXT_COLOR, cueName, decorationLine } from '../../data/palette';
import type { HighlightStyle } from '../../data/settings';

interface Props {
  color: string;
  cue: string;
  /** Lined above as well as below (strategies). */
  over?: boolean;
  highlightStyle: HighlightStyle;
}

/** The inline style of a mark as the page shows it (mirrors content/page-style.ts). */
export function sampleStyle({ color, cue, over, highlightStyle }: Props): CSSProperties {
  const line = decorationLine(over ? { over } : {});
  return highlightStyle === 'background'
    ? { backgroundColor: color, color: HIGHLIGHT_TEXT_COLOR, textDecoration: `${line} ${cue} rgba(0,0,0,.45)` }
    : { textDecoration: `${line} ${cue} ${color}`, textDecorationThickness: '3px' };
}

/** A word highlighted the way the page will show it, with its underline cue named in words. */
export function HighlightSample(props: Props) {
  return (
    <span class="sample">
      <span class="sample-mark" style={sampleStyle(props)}>
        Sample
      </span>{' '}
      <span class="sample-cue">{cueName(props.cue, props.over)}</span>
    </span>
  );
}
