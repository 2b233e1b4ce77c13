import type { CSSProperties } from 'preact';
import { HIGHLIGHT_TEXT_COLOR, cueName } from '../../data/palette';
import type { HighlightStyle } from '../../data/settings';

interface Props {
  color: string;
  cue: string;
  highlightStyle: HighlightStyle;
}

/** The inline style of a mark as the page shows it (mirrors content/page-style.ts). */
export function sampleStyle({ color, cue, highlightStyle }: Props): CSSProperties {
  return highlightStyle === 'background'
    ? { backgroundColor: color, color: HIGHLIGHT_TEXT_COLOR, textDecoration: `underline ${cue} rgba(0,0,0,.45)` }
    : { textDecoration: `underline ${cue} ${color}`, textDecorationThickness: '3px' };
}

/** A word highlighted the way the page will show it, with its underline cue named in words. */
export function HighlightSample(props: Props) {
  return (
    <span class="sample">
      <span class="sample-mark" style={sampleStyle(props)}>
        Sample
      </span>{' '}
      <span class="sample-cue">{cueName(props.cue)}</span>
    </span>
  );
}
