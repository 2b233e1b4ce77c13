/**
 * `npm run bench` (first part, also `npm run bench:matcher`): the matcher's own speed, which
 * used to be budgets in the unit tests, reported against its targets:
 * - a cold start in a fresh V8 isolate (a worker: nothing compiled, optimised or cached), as a
 *   page pays it: compiling the real data (target < 10 ms) or parsing and restoring the committed
 *   snapshot (target about 1-3 ms), and the first call (target < 2 ms); best of 5;
 * - warm: 1,500 words (target < 1 ms, median of 51) and 50,000 words whole and paragraph by
 *   paragraph (target < 300 ms each).
 */
import { readFileSync } from 'node:fs';
import { categories, cities, clusters, collisions, regions } from '../../data/dictionary';
import { compileDictionary, findMatches } from '../../entrypoints/content/matcher';
import { COLD_TEXT, prepareColdIsolate } from '../unit/cold-isolate';
import { ROOT } from '../e2e/paths';
import { generateArticle } from './generate';

const SOURCE = { regions, cities, categories, collisions, clusters };
const verdict = (met: boolean): string => (met ? 'met' : 'NOT met');
const fixed = (ms: number): string => ms.toFixed(ms < 10 ? 2 : 1);

const COMPILE_WORKER = `
import { parentPort, workerData } from 'node:worker_threads';
const { compileDictionary, findMatches } = await import('./matcher.mjs');
const t0 = performance.now();
const dict = compileDictionary(workerData.source);
const t1 = performance.now();
findMatches(dict, workerData.text);
parentPort.postMessage({ startMs: t1 - t0, firstCallMs: performance.now() - t1 });
`;

const RESTORE_WORKER = `
import { parentPort, workerData } from 'node:worker_threads';
const { fromSnapshot, findMatches } = await import('./matcher.mjs');
const t0 = performance.now();
const dict = fromSnapshot(JSON.parse(workerData.json).dictionary);
const t1 = performance.now();
findMatches(dict, workerData.text);
parentPort.postMessage({ startMs: t1 - t0, firstCallMs: performance.now() - t1 });
`;

interface ColdRun {
  startMs: number;
  firstCallMs: number;
}

async function cold(script: string, data: unknown): Promise<ColdRun> {
  const isolate = await prepareColdIsolate(script);
  try {
    const runs: ColdRun[] = [];
    // The best of a few runs: a busy machine can stall any single one.
    for (let i = 0; i < 5; i++) runs.push(await isolate.run<ColdRun>(data));
    return { startMs: Math.min(...runs.map((r) => r.startMs)), firstCallMs: Math.min(...runs.map((r) => r.firstCallMs)) };
  } finally {
    isolate.remove();
  }
}

function time(run: () => void): number {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
}

const compiled = await cold(COMPILE_WORKER, { source: SOURCE, text: COLD_TEXT });
console.log(
  `matcher cold start (fresh isolate, best of 5): compile ${fixed(compiled.startMs)} ms (target < 10: ${verdict(compiled.startMs < 10)}), ` +
    `first call ${fixed(compiled.firstCallMs)} ms (target < 2: ${verdict(compiled.firstCallMs < 2)})`,
);
const json = readFileSync(`${ROOT}data/dictionary-compiled.json`, 'utf8');
const restored = await cold(RESTORE_WORKER, { json, text: COLD_TEXT });
console.log(
  `matcher cold restore of the committed snapshot: parse + restore ${fixed(restored.startMs)} ms (target about 1-3: ${verdict(restored.startMs <= 3)}), ` +
    `first call ${fixed(restored.firstCallMs)} ms (target < 2: ${verdict(restored.firstCallMs < 2)})`,
);

const dict = compileDictionary(SOURCE);
/** The text of a generated page, a paragraph a line (Node has no DOM). */
const text = (words: number): string =>
  [...generateArticle(words, 'Bench').matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => (m[1] ?? '').replace(/<[^>]+>/g, '')).join('\n');
const typical = text(1_500);
for (let i = 0; i < 50; i++) findMatches(dict, typical);
const warm = Array.from({ length: 51 }, () => time(() => findMatches(dict, typical))).sort((a, b) => a - b);
const warmMedian = warm[25] as number;
console.log(`matcher warm, 1,500 words: median ${fixed(warmMedian)} ms of 51 (target < 1: ${verdict(warmMedian < 1)})`);

const long = text(50_000);
findMatches(dict, long);
let found = 0;
const whole = time(() => (found = findMatches(dict, long).length));
const paragraphs = long.split('\n');
const split = time(() => paragraphs.forEach((p) => findMatches(dict, p)));
console.log(
  `matcher warm, 50,000 words (${found} matches): whole ${fixed(whole)} ms, paragraph by paragraph ${fixed(split)} ms ` +
    `(target < 300 each: ${verdict(whole < 300 && split < 300)})`,
);

