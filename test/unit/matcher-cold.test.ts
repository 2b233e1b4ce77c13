// @vitest-environment node
/**
 * The matcher's start-up cost, as a page pays it: compileDictionary and the first findMatches in
 * a fresh V8 isolate (a worker thread), where nothing is compiled, optimised or cached yet, finds
 * what a warm one finds. How long that takes is reported by `npm run bench` (test/bench/matcher.ts)
 * against its targets (compile < 10 ms, first call < 2 ms), not checked here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileDictionary, findMatches, type DictionarySource, type Match } from '../../entrypoints/content/matcher';
import { COLD_TEXT as TEXT, prepareColdIsolate, type ColdIsolate } from './cold-isolate';

const realModules = import.meta.glob<DictionarySource>('../../data/index.ts', { eager: true });
const REAL: DictionarySource | undefined = Object.values(realModules)[0];

/** Runs in the worker: times the first compile and the first call, and sends back the matches. */
const WORKER = `
import { parentPort, workerData } from 'node:worker_threads';
const { compileDictionary, findMatches } = await import('./matcher.mjs');
const t0 = performance.now();
const dict = compileDictionary(workerData.source);
const t1 = performance.now();
const matches = findMatches(dict, workerData.text);
const t2 = performance.now();
parentPort.postMessage({ compileMs: t1 - t0, firstCallMs: t2 - t1, matches });
`;

interface ColdRun {
  compileMs: number;
  firstCallMs: number;
  matches: Match[];
}

let isolate: ColdIsolate | undefined;

beforeAll(async () => {
  isolate = await prepareColdIsolate(WORKER);
});

afterAll(() => isolate?.remove());

function coldRun(source: DictionarySource): Promise<ColdRun> {
  if (isolate === undefined) throw new Error('the isolate was not prepared');
  return isolate.run<ColdRun>({ source, text: TEXT });
}

describe('cold start in a fresh isolate', () => {
  it.skipIf(REAL === undefined)('compiles the real data and finds on the first call what a warm isolate finds', async () => {
    if (REAL === undefined) return;
    const run = await coldRun(REAL);
    expect(run.matches).toEqual(findMatches(compileDictionary(REAL), TEXT));
    expect(run.matches.length).toBeGreaterThan(5);
  });
});
