// @vitest-environment node
/**
 * The dictionary compiled at build time (data/dictionary-compiled.json), which the content
 * script restores instead of compiling: it must be up to date with data/ and the compile step,
 * find exactly what a compiled dictionary finds, and restore in a few milliseconds cold.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categories, cities, clusters, collisions, describeEntity, regions } from '../../data/dictionary';
import {
  compileDictionary,
  findMatches,
  fromSnapshot,
  listTermClashes,
  toSnapshot,
  type DictionarySnapshot,
} from '../../entrypoints/content/matcher';
import { compiledDataText, type CompiledData } from '../../entrypoints/content/compiled-data';
import type { Dictionary } from '../../entrypoints/content/matcher-dictionary';
import { namesSnapshot } from '../../entrypoints/content/names';
import { COLD_TEXT as TEXT, prepareColdIsolate, type ColdIsolate } from './cold-isolate';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SNAPSHOT_FILE = join(ROOT, 'data/dictionary-compiled.json');
const REGENERATE = 'npm run data:compile';
const SOURCE = { regions, cities, categories, collisions, clusters };

const compiled = compileDictionary(SOURCE);
const committedText = readFileSync(SNAPSHOT_FILE, 'utf8');
const committedData = JSON.parse(committedText) as CompiledData;
const committed: DictionarySnapshot = committedData.dictionary;
const restored = fromSnapshot(committed);

/** Texts to compare on: the fixture pages' text and every sentence of the matcher tests. */
function sampleTexts(): string[] {
  const fixtures = join(ROOT, 'test/fixtures');
  const pages = readdirSync(fixtures)
    .filter((f) => f.endsWith('.html'))
    .map((f) =>
      readFileSync(join(fixtures, f), 'utf8')
        .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
        .replace(/<[^>]*>/g, ' '),
    );
  // The string literals of the matcher tests (their sentences, and some ids, which do no harm).
  const literals: string[] = [];
  for (const file of ['matcher.test.ts', 'matcher-terms.test.ts', 'matcher-cold.test.ts']) {
    const source = readFileSync(join(ROOT, 'test/unit', file), 'utf8');
    for (const m of source.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"/g)) {
      const text = m[1] ?? m[2] ?? '';
      if (text.length > 3) literals.push(text.replace(/\\(.)/g, '$1'));
    }
  }
  return [...pages, ...literals];
}

describe('the committed compiled dictionary (data/dictionary-compiled.json)', () => {
  it('is what the data and the matcher compile to now', () => {
    const expected = compiledDataText({ dictionary: toSnapshot(compiled), names: namesSnapshot(SOURCE) });
    // A short message first: the full diff of a 4,000-line file says less than the command.
    if (committedText !== expected) {
      expect.fail(`data/dictionary-compiled.json is out of date: regenerate it with \`${REGENERATE}\``);
    }
  });

  it('survives a JSON round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(toSnapshot(restored)))).toEqual(committed);
  });

  it('restores the compiled dictionary field for field', () => {
    const a = compiled as unknown as Dictionary;
    const b = restored as unknown as Dictionary;
    // The same keys and slots (a restored map holds them in sorted order: lookups do not care).
    const sorted = <T,>(items: Iterable<T>) => [...items].sort((x, y) => (String(x) < String(y) ? -1 : 1));
    expect(new Map(sorted(b.entries))).toEqual(new Map(sorted(a.entries)));
    expect(b.entries.size).toBe(a.entries.size);
    expect(sorted(b.prefixes)).toEqual(sorted(a.prefixes));
    expect([...b.firstTokens]).toEqual([...a.firstTokens]);
    expect([...b.hanLengths].sort(([x], [y]) => x - y)).toEqual([...a.hanLengths].sort(([x], [y]) => x - y));
    expect(b.maxHanLength).toBe(a.maxHanLength);
    expect(b.hanMinCode).toBe(a.hanMinCode);
    // Keys of one entity share its target, as compiled ones do.
    const targetsOf = (d: Dictionary) => new Set([...d.entries.values()].filter((s) => s.kind !== 'entry')).size;
    expect(targetsOf(b)).toBe(targetsOf(a));
  });

  it('finds exactly what the compiled dictionary finds, on the fixtures and the matcher test sentences', () => {
    const texts = sampleTexts();
    expect(texts.length).toBeGreaterThan(100);
    let total = 0;
    for (const text of texts) {
      const want = findMatches(compiled, text);
      expect(findMatches(restored, text)).toEqual(want);
      total += want.length;
      // With a page context too (collisions decided by the title).
      const context = 'Suzhou, Anhui: a report from Jiangsu';
      expect(findMatches(restored, text, undefined, { context })).toEqual(findMatches(compiled, text, undefined, { context }));
    }
    expect(total).toBeGreaterThan(200);
  });

  it('restores keys as they are looked up, and a fresh restore finds on every text what the compiled one finds', () => {
    const texts = sampleTexts();
    for (const text of texts) {
      // A fresh one per text: each starts with no key restored, so every bucket is reached lazily.
      const fresh = fromSnapshot(committed);
      expect(findMatches(fresh, text)).toEqual(findMatches(compiled, text));
    }
    // Map.prototype.has sees what is restored without restoring anything.
    const restoredYet = (d: Dictionary, key: string) => Map.prototype.has.call(d.entries, key);
    const fresh = fromSnapshot(committed) as unknown as Dictionary;
    expect(restoredYet(fresh, 'zhejiang')).toBe(false);
    findMatches(fresh, 'Officials in Zhejiang met on Monday.');
    expect(restoredYet(fresh, 'zhejiang')).toBe(true);
    // An English text restores no Chinese key, and the buckets it never reached stay packed.
    expect(restoredYet(fresh, '浙江')).toBe(false);
    expect(restoredYet(fresh, 'xinjiang')).toBe(false);
    findMatches(fresh, '浙江省政府');
    expect(restoredYet(fresh, '浙江')).toBe(true);
  });

  it('has no clash reports (compile for those)', () => {
    expect(listTermClashes(compiled).length).toBeGreaterThanOrEqual(0);
    expect(() => listTermClashes(restored)).toThrow(/compile/);
  });

  it('holds the sector categories (ids, labels, colours) and no names, which the background gives', () => {
    expect(committedData.names.categories).toEqual(categories.map(({ id, label, color }) => ({ id, label, color })));
    expect(Object.keys(committedData.names)).toEqual(['categories']);
  });

  it('describes every region, city, sector and strategy, for a mark\'s tooltip', () => {
    expect(describeEntity({ kind: 'region', id: 'zhejiang' })).toBe('Zhejiang 浙江 — province');
    expect(describeEntity({ kind: 'city', id: 'ningbo', region: 'zhejiang' })).toBe('Ningbo 宁波 — in Zhejiang');
    expect(describeEntity({ kind: 'cluster', id: 'yangtze-river-delta' })).toMatch(/^Yangtze River Delta.* 长三角.* — national regional strategy$/);
    const lowAltitude = categories.flatMap((c) => c.sectors.map((s) => ({ s, c }))).find(({ s }) => s.id === 'low-altitude-economy');
    expect(describeEntity({ kind: 'sector', id: 'low-altitude-economy', category: lowAltitude?.c.id ?? '' })).toBe(
      `${lowAltitude?.s.label} — ${lowAltitude?.c.label}`,
    );
    for (const region of regions) expect(describeEntity({ kind: 'region', id: region.id })).toContain(`${region.nameEn} ${region.nameZh} — `);
    for (const city of cities) {
      const region = regions.find((r) => r.id === city.region);
      expect(describeEntity({ kind: 'city', id: city.id, region: city.region })).toBe(`${city.nameEn} ${city.nameZh} — in ${region?.nameEn}`);
    }
    expect(describeEntity({ kind: 'city', id: 'no-such-place', region: 'zhejiang' })).toBe('no-such-place');
  });

  it('refuses a snapshot of another version', () => {
    expect(() => fromSnapshot({ ...committed, version: committed.version + 1 })).toThrow(/version/);
  });
});

// ---------------------------------------------------------------------------------------------
// Cold cost, as a page pays it: a fresh V8 isolate (a worker thread), see cold-isolate.ts.

/** Runs in the worker: parses the snapshot's text (the bundle's JSON.parse), restores it, scans. */
const WORKER = `
import { parentPort, workerData } from 'node:worker_threads';
const { fromSnapshot, findMatches } = await import('./matcher.mjs');
const t0 = performance.now();
const snapshot = JSON.parse(workerData.json).dictionary;
const t1 = performance.now();
const dict = fromSnapshot(snapshot);
const t2 = performance.now();
const matches = findMatches(dict, workerData.text);
const t3 = performance.now();
parentPort.postMessage({ parseMs: t1 - t0, restoreMs: t2 - t1, firstCallMs: t3 - t2, matches });
`;

interface ColdRun {
  parseMs: number;
  restoreMs: number;
  firstCallMs: number;
  matches: unknown[];
}

let isolate: ColdIsolate | undefined;

beforeAll(async () => {
  isolate = await prepareColdIsolate(WORKER);
});

afterAll(() => isolate?.remove());

function coldRun(): Promise<ColdRun> {
  if (isolate === undefined) throw new Error('the isolate was not prepared');
  return isolate.run<ColdRun>({ json: committedText, text: TEXT });
}

describe('cold restore in a fresh isolate', () => {
  it('parses and restores the snapshot and finds on the first call what a warm isolate finds', async () => {
    // How long that takes is reported by `npm run bench` (test/bench/matcher.ts).
    const run = await coldRun();
    expect(run.matches).toEqual(findMatches(compiled, TEXT));
    expect(run.matches.length).toBeGreaterThan(5);
  });
});
