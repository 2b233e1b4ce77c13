/**
 * data/dictionary-compiled.json: what the content script restores on every page instead of
 * compiling data/ there, namely the matcher's dictionary (matcher-snapshot.ts) and the sector
 * categories its colours and filters need (names.ts). `npm run data:compile` writes it
 * (matcher-snapshot-write.ts); test/unit/matcher-snapshot.test.ts keeps it in sync with data/.
 */
import type { DictionarySnapshot } from './matcher-snapshot';
import type { NamesSnapshot } from './names';

export interface CompiledData {
  dictionary: DictionarySnapshot;
  names: NamesSnapshot;
}

/**
 * The file's text: a field per line, no indentation (the content script bundles the text as it
 * is), so that a change in data/ shows as a change of the fields it touches.
 */
export function compiledDataText(data: CompiledData): string {
  const fields = (object: object): string =>
    Object.entries(object)
      .map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`)
      .join(',\n');
  return `{"dictionary":{\n${fields(data.dictionary)}\n},\n"names":{\n${fields(data.names)}\n}}\n`;
}
