/** Chip text colour: chips take the user's highlight colour, so their text must adapt (WCAG AA). */
import { contrastRatio, HIGHLIGHT_TEXT_COLOR } from './palette';

export const LIGHT_TEXT = '#ffffff';

/** The page highlights' text colour, or white where white contrasts better with the background. */
export function textColorOn(background: string): string {
  return contrastRatio(background, HIGHLIGHT_TEXT_COLOR) >= contrastRatio(background, LIGHT_TEXT)
    ? HIGHLIGHT_TEXT_COLOR
    : LIGHT_TEXT;
}
