/**
 * The stylesheet for our marks: one colour per category (a user override or the data's default)
 * plus a non-colour cue (underline style) per category, so colour-blind readers can tell them
 * apart. Installed as one <style> in <head>, removed on cleanup.
 */
import { decorationLine, paletteFor, underlineColorFor, type PaletteInput } from '../../data/palette';
import type { HighlightStyle } from '../../data/settings';
import { MARK_CLASS, MARK_ELEMENT } from './highlighter';

export interface StyleInput extends PaletteInput {
  style: HighlightStyle;
}

/** The CSS text for the given palette and highlight style. */
export function buildPageCss(input: StyleInput): string {
  const base = `${MARK_ELEMENT}.${MARK_CLASS}`;
  const rules: string[] = [
    // Marks keep the page's font and link behaviour; only colour and underline change.
    `${base}{all:unset;display:inline;font:inherit;cursor:inherit;border-radius:2px;` +
      `text-decoration-thickness:2px;text-underline-offset:2px;transition:outline-color .3s}`,
    `${base}.fyp-flash{outline:3px solid #1565c0;outline-offset:1px}`,
    // Keyboard stepping focuses marks (see hover-card.ts): the focus must show.
    `${base}:focus-visible{outline:2px solid #1565c0;outline-offset:1px}`,
  ];
  for (const [key, entry] of paletteFor(input)) {
    const { color, cue } = entry;
    const ofKind = key === 'region' || key === 'city' || key === 'cluster';
    const selector = ofKind ? `${base}[data-fyp-kind="${key}"]` : `${base}[data-fyp-category="${key}"]`;
    const line = decorationLine(entry);
    rules.push(
      input.style === 'background'
        ? `${selector}{background-color:${color};color:#111;text-decoration:${line} ${cue} rgba(0,0,0,.45)}`
        : `${selector}{text-decoration:${line} ${cue} ${underlineColorFor(color)};text-decoration-thickness:3px}`,
    );
  }
  return rules.join('\n');
}

/** Adds the stylesheet to the document; returns its update and remove functions. */
export function installPageStyle(doc: Document, input: StyleInput): { update(input: StyleInput): void; remove(): void } {
  const style = doc.createElement('style');
  style.setAttribute('data-fyp-ui', '');
  style.textContent = buildPageCss(input);
  (doc.head ?? doc.documentElement).append(style);
  return {
    update: (next) => {
      style.textContent = buildPageCss(next);
    },
    remove: () => style.remove(),
  };
}
