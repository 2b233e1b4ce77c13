/**
 * Lists the source links readers may not be able to open as they should: plain `http:` links
 * (to be switched to `https:` where the publisher serves it) and sources that the data itself
 * describes as a mirror, reprint or aggregator copy (to be replaced by the original). Read-only:
 * it reports and changes nothing. No network is used, so whether a host serves https has to be
 * checked by hand or on a connected machine.
 *
 *   npm run data:links
 */
import { sources } from '../../data';

const MIRROR = /\b(mirror|reprint|aggregat|repost|copy of)\w*/i;

const http = sources.filter((s) => s.url.startsWith('http:'));
const mirrors = sources.filter((s) => MIRROR.test(`${s.publisher} ${s.title}`));

console.log(`${sources.length} sources; ${http.length} plain http: links; ${mirrors.length} described as a mirror/reprint/aggregator copy.\n`);
console.log('## http: links (host: ids)');
const byHost = new Map<string, string[]>();
for (const s of http) {
  const host = new URL(s.url).host;
  byHost.set(host, [...(byHost.get(host) ?? []), s.id]);
}
for (const [host, ids] of [...byHost].sort(([a], [b]) => a.localeCompare(b))) console.log(`${host}: ${ids.join(', ')}`);
console.log('\n## mirrors, reprints and aggregator copies (id · publisher · url)');
for (const s of mirrors) console.log(`${s.id} · ${s.publisher} · ${s.url}`);
