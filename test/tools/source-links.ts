/**
 * Reports how the data's sources reach readers: which are offered as links (data/source-links.ts
 * decides from each source's kind), which of those links are still plain `http:` and why (the
 * listed http-only hosts), and which sources are named as text only (mirror copies, aggregators,
 * machine summaries), to be replaced by the original where it can be found. Read-only: it
 * reports and changes nothing, and uses no network, so whether a host serves https is checked
 * by hand.
 *
 *   npm run data:links
 */
import { sources } from '../../data';
import { HTTP_ONLY_HOSTS, isLinkedSource } from '../../data/source-links';

const linked = sources.filter(isLinkedSource);
const unlinked = sources.filter((s) => !isLinkedSource(s));
const isHttp = (url: string) => url.startsWith('http:');
const httpLinked = linked.filter((s) => isHttp(s.url));
const unexplained = httpLinked.filter((s) => !(new URL(s.url).host in HTTP_ONLY_HOSTS));
const reprints = linked.filter((s) => s.kind === 'reprint');

const byHost = (list: typeof sources) => {
  const hosts = new Map<string, string[]>();
  for (const s of list) {
    const host = new URL(s.url).host;
    hosts.set(host, [...(hosts.get(host) ?? []), s.id]);
  }
  return [...hosts].sort(([a], [b]) => a.localeCompare(b));
};

console.log(
  `${sources.length} sources: ${linked.length} offered as links (${linked.length - httpLinked.length} https:, ${httpLinked.length} plain http:), ` +
    `${unlinked.length} named as text only (mirror, aggregator or machine copies; ${unlinked.filter((s) => isHttp(s.url)).length} of their recorded addresses are http:).\n`,
);
console.log(`## linked http: sources (host: ids — why)`);
for (const [host, ids] of byHost(httpLinked)) console.log(`${host}: ${ids.join(', ')} — ${HTTP_ONLY_HOSTS[host] ?? 'NOT LISTED: switch to https: or list the host with a reason'}`);
if (unexplained.length > 0) console.log(`\n${unexplained.length} linked http: sources on hosts not listed in HTTP_ONLY_HOSTS.`);
console.log('\n## named as text only, not linked (id · kind · publisher)');
for (const s of unlinked) console.log(`${s.id} · ${s.kind} · ${s.publisher}`);
console.log(`\n## reprints, linked; the original may be better (id · publisher · url): ${reprints.length}`);
for (const s of reprints) console.log(`${s.id} · ${s.publisher} · ${s.url}`);
