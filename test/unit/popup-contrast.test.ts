/**
 * WCAG AA for the popup's own colours: every text/background pair the stylesheet uses, in the
 * light and the dark theme, read from the custom properties in components/popup/summary.css.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../data/palette';

// Read from disk: Vitest does not hand CSS imports to tests. Tests run from the project root.
const css = readFileSync(join(process.cwd(), 'components/popup/summary.css'), 'utf8');

function variables(block: string): Record<string, string> {
  return Object.fromEntries([...block.matchAll(/--([a-z-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1] as string, (m[2] as string).toLowerCase()]));
}

const light = variables(css.slice(css.indexOf(':root {'), css.indexOf('@media (prefers-color-scheme: dark)')));
const dark = { ...light, ...variables(css.slice(css.indexOf('@media (prefers-color-scheme: dark)'), css.indexOf('* {'))) };

/** [text, background] pairs the stylesheet puts together. */
const PAIRS: [string, string][] = [
  ['text', 'bg'],
  ['text', 'card'],
  ['text', 'surface'],
  ['muted', 'bg'],
  ['muted', 'card'],
  ['muted', 'surface'],
  ['link', 'bg'],
  ['link', 'card'],
  ['accent', 'bg'], // brand, secondary buttons
  ['accent', 'card'],
  ['accent-text', 'accent'], // primary buttons
  ['warn-text', 'warn-bg'], // the Unverified group
  ['link', 'warn-bg'],
  ['text', 'hit'], // grid cells
];

describe.each([
  ['light', light],
  ['dark', dark],
])('%s theme', (_name, theme) => {
  it.each(PAIRS)('--%s on --%s keeps at least 4.5:1', (fg, bg) => {
    expect(theme[fg], fg).toBeDefined();
    expect(theme[bg], bg).toBeDefined();
    expect(contrastRatio(theme[fg] as string, theme[bg] as string)).toBeGreaterThanOrEqual(4.5);
  });

  it('draws the focus ring with at least 3:1 against the backgrounds', () => {
    for (const bg of ['bg', 'card', 'surface']) {
      expect(contrastRatio(theme.focus as string, theme[bg] as string)).toBeGreaterThanOrEqual(3);
    }
  });
});
