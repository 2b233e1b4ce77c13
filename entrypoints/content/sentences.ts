/** Finds the sentence around a mention in a block of text, in English or Chinese. Pure. */

const MAX_LENGTH = 320;
// A full stop ends a sentence only when followed by a space (not "3.5%" or "U.S."-style dots
// inside words); Chinese and other closing marks end it at once.
const END_BEFORE = /[.!?](?=\s)|[。！？；]/g;

/** The sentence of `text` that contains [start, end), trimmed, at most ~320 characters. */
export function sentenceAround(text: string, start: number, end: number): string {
  let from = 0;
  END_BEFORE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let to = text.length;
  while ((m = END_BEFORE.exec(text)) !== null) {
    const stop = m.index + m[0].length;
    if (stop <= start) from = stop;
    else if (m.index >= end - 1) {
      to = stop;
      break;
    }
  }
  let sentence = text.slice(from, to).replace(/\s+/g, ' ').trim();
  if (sentence.length > MAX_LENGTH) {
    // Keep the mention in view: centre the window on it.
    const local = Math.max(0, start - from - MAX_LENGTH / 2);
    sentence = `${local > 0 ? '…' : ''}${sentence.slice(local, local + MAX_LENGTH).trim()}…`;
  }
  return sentence;
}
