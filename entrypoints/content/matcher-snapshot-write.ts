/**
 * Writes data/dictionary-compiled.json, the compiled dictionary the content script restores
 * instead of compiling on every page (see matcher-snapshot.ts). Run after changing data/ or
 * the matcher's compile step:
 *
 *   npm run data:compile
 *
 * test/unit/matcher-snapshot.test.ts fails while the committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { categories, cities, collisions, regions } from '../../data/dictionary';
import { compileDictionary, toSnapshot } from './matcher';
import { snapshotFileText } from './matcher-snapshot';

const path = fileURLToPath(new URL('../../data/dictionary-compiled.json', import.meta.url));
writeFileSync(path, snapshotFileText(toSnapshot(compileDictionary({ regions, cities, categories, collisions }))));
console.info(`wrote ${path}`);
