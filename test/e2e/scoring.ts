/** Precision and recall of the marks on a page against a fixture's hand labels. */
import { readFileSync } from 'node:fs';
import { FIXTURES_DIR } from './paths';

export type Label = [kind: string, id: string, text: string];

export interface Scores {
  regionsAndCities: { precision: number; recall: number };
  sectors: { precision: number; recall: number };
  /** Labels with no matching mark, and marks with no label (for failure messages). */
  missed: string[];
  extra: string[];
}

/** A fixture's labels for one state of the page ("page", or e.g. "day-two" for the live blog). */
export function loadLabels(fixture: string, state = 'page'): Label[] {
  const file = JSON.parse(readFileSync(`${FIXTURES_DIR}/${fixture}.labels.json`, 'utf8')) as { states: Record<string, Label[]> };
  const labels = file.states[state];
  if (!labels) throw new Error(`${fixture}: no labels for state ${state}`);
  return labels;
}

const key = ([kind, id, text]: Label) => `${kind}:${id}:${text.replace(/\s+/g, ' ').trim()}`;

/** Scores marks against labels as multisets of kind, id and text. */
export function score(marks: { kind: string; id: string; text: string }[], labels: Label[]): Scores {
  const predicted = marks.map((m) => key([m.kind, m.id, m.text]));
  const expected = labels.map(key);
  const remaining = [...expected];
  const extra: string[] = [];
  for (const p of predicted) {
    const i = remaining.indexOf(p);
    if (i >= 0) remaining.splice(i, 1);
    else extra.push(p);
  }
  const group = (isSector: boolean) => {
    const inGroup = (k: string) => k.startsWith('sector:') === isSector;
    const tp = predicted.filter(inGroup).length - extra.filter(inGroup).length;
    const predictedCount = predicted.filter(inGroup).length;
    const expectedCount = expected.filter(inGroup).length;
    return {
      precision: predictedCount === 0 ? 1 : tp / predictedCount,
      recall: expectedCount === 0 ? 1 : tp / expectedCount,
    };
  };
  return { regionsAndCities: group(false), sectors: group(true), missed: remaining, extra };
}

/**
 * The CGTN-style fixture's regions, most mentioned first (a city counts for its region), ties
 * in order of first mention — counted by hand from test/fixtures/cgtn-article.html, whose
 * <article> (the nav and footer are outside it; its "Related" list is site furniture) names:
 * Zhejiang 3 (Zhejiang, Hangzhou, Ningbo); then 2 each, by first mention: Guangdong (Guangdong,
 * Shenzhen), Jiangsu (Jiangsu, Suzhou), Anhui (Anhui, Hefei), Sichuan (Sichuan, Chengdu), Inner
 * Mongolia (Inner Mongolia, Baotou), Hainan (Hainan, Haikou); Shanghai 1.
 */
export const CGTN_ORDER = ['zhejiang', 'guangdong', 'jiangsu', 'anhui', 'sichuan', 'inner-mongolia', 'hainan', 'shanghai'];

/** The popup's ordering rule applied to a page's own marks (in document order). */
export function mentionOrder(marks: readonly { kind: string; region: string | null }[]): string[] {
  const tallies = new Map<string, { count: number; first: number }>();
  marks.forEach((mark, i) => {
    if (!mark.region || (mark.kind !== 'region' && mark.kind !== 'city')) return;
    const tally = tallies.get(mark.region);
    if (tally) tally.count++;
    else tallies.set(mark.region, { count: 1, first: i });
  });
  return [...tallies.entries()].sort(([, a], [, b]) => b.count - a.count || a.first - b.first).map(([id]) => id);
}
