// @vitest-environment node
/**
 * The matcher's start-up cost, as a page pays it: compileDictionary and the first findMatches in
 * a fresh V8 isolate (a worker thread), where nothing is compiled, optimised or cached yet. The
 * product budget is an annotated article within 50 ms of the content script starting; these
 * limits are several times the targets (compile < 10 ms, first call < 2 ms), to catch a return
 * of the big-RegExp start-up cost without failing on a busy machine.
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
  it.skipIf(REAL === undefined)('compiles the real data in < 30 ms and answers the first call in < 10 ms', async () => {
    if (REAL === undefined) return;
    const runs: ColdRun[] = [];
    // The best of a few runs: a busy machine can stall any single one.
    for (let i = 0; i < 5; i += 1) runs.push(await coldRun(REAL));
    const compileMs = Math.min(...runs.map((r) => r.compileMs));
    const firstCallMs = Math.min(...runs.map((r) => r.firstCallMs));
    console.info(`matcher cold start: compile ${compileMs.toFixed(1)} ms, first call ${firstCallMs.toFixed(2)} ms`);
    // The worker ran the same code: it finds what this isolate finds.
    expect(runs[0]?.matches).toEqual(findMatches(compileDictionary(REAL), TEXT));
    expect(runs[0]?.matches.length).toBeGreaterThan(5);
    expect(compileMs).toBeLessThan(30);
    expect(firstCallMs).toBeLessThan(10);
  });
});

describe('warm speed', () => {
  it.skipIf(REAL === undefined)('scans 1,500 words in well under 1 ms', () => {
    if (REAL === undefined) return;
    const dict = compileDictionary(REAL);
    const sentence = `${TEXT.split('. ')[0] ?? ''}. `;
    const text = sentence.repeat(Math.ceil(1_500 / sentence.split(' ').length));
    for (let i = 0; i < 50; i += 1) findMatches(dict, text);
    const times: number[] = [];
    for (let i = 0; i < 51; i += 1) {
      const t0 = performance.now();
      findMatches(dict, text);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    // The median, with room for a busy machine.
    expect(times[25]).toBeLessThan(2);
  });
});
