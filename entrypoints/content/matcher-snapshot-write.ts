/**
 * Writes data/dictionary-compiled.json, the compiled dictionary and names the content script
 * restores instead of compiling on every page (see compiled-data.ts). Run after changing data/
 * or the matcher's compile step:
 *
 *   npm run data:compile
 *
 * test/unit/matcher-snapshot.test.ts fails while the committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { categories, cities, clusters, collisions, regions } from '../../data/dictionary';
import { compiledDataText } from './compiled-data';
import { compileDictionary, toSnapshot } from './matcher';
import { namesSnapshot } from './names';

const path = fileURLToPath(new URL('../../data/dictionary-compiled.json', import.meta.url));
const dictionary = toSnapshot(compileDictionary({ regions, cities, categories, collisions, clusters }));
const names = namesSnapshot({ categories });
writeFileSync(path, compiledDataText({ dictionary, names }));
console.info(`wrote ${path}`);
