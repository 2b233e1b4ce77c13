/**
 * `npm run data:fingerprint`: writes data/research-fingerprint.json from the research base
 * (../shared/research/fyp-facts.json beside the repository). Run by hand when the base changes;
 * no test or build step runs it, and the repository carries only the hashes, never a sentence.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RUN_LENGTH, runHashes, sentences, wordSetHashes, type ResearchFingerprint } from './originality';

const PACK = fileURLToPath(new URL('../../shared/research/fyp-facts.json', import.meta.url));
const OUT = fileURLToPath(new URL('./research-fingerprint.json', import.meta.url));

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Every prose string in the base: texts, notes, labels, gaps (ids, URLs, titles and names left out). */
function prose(value: Json, key = ''): string[] {
  if (typeof value === 'string') {
    const skip = /^(id|url|title|publisher|date|reliability|zh|name_zh.*|abbr.*|type|en|source_ids|category)$/.test(key);
    return skip || value.split(/\s+/).length < 3 ? [] : [value];
  }
  if (Array.isArray(value)) return value.flatMap((v) => prose(v, key));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => prose(v, k));
  return [];
}

const pack = JSON.parse(readFileSync(PACK, 'utf8')) as Json;
const texts = prose(pack);
const runs = new Set<string>();
for (const t of texts) for (const h of runHashes(t)) runs.add(h);
const sentenceSets = new Set<string>();
for (const t of texts) {
  for (const s of sentences(t)) {
    const set = [...wordSetHashes(s)].sort();
    if (set.length >= 6) sentenceSets.add(set.join(' '));
  }
}
const out: ResearchFingerprint = {
  about: `Salted SHA-256 hashes (see data/originality.ts) of the research base's ${RUN_LENGTH}-word runs and of the content-word sets of its sentences; no text. Written by npm run data:fingerprint.`,
  runLength: RUN_LENGTH,
  runs: [...runs].sort(),
  sentences: [...sentenceSets].sort(),
};
writeFileSync(OUT, `${JSON.stringify(out, null, 2)}\n`);
console.log(`${texts.length} texts: ${out.runs.length} runs, ${out.sentences.length} sentence word sets -> data/research-fingerprint.json`);
