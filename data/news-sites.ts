/** Built-in news sites the content script runs on, by registrable domain (all subdomains). */
export const NEWS_SITES: readonly string[] = [
  'apnews.com',
  'asia.nikkei.com',
  'bbc.co.uk',
  'bbc.com',
  'bloomberg.com',
  'caixin.com',
  'caixinglobal.com',
  'cgtn.com',
  'china-briefing.com',
  'china.org.cn',
  'chinadaily.com.cn',
  'chinanews.com.cn',
  'cnbc.com',
  'ecns.cn',
  'economist.com',
  'ft.com',
  'globaltimes.cn',
  'gov.cn',
  'news.cn',
  'nytimes.com',
  'people.cn',
  'people.com.cn',
  'reuters.com',
  'scmp.com',
  'shine.cn',
  'sixthtone.com',
  'theguardian.com',
  'wsj.com',
  'xinhuanet.com',
  'yicaiglobal.com',
];

/** Match patterns for a domain: the domain itself and every subdomain, http and https. */
export function matchPatternsFor(domain: string): string[] {
  return [`*://${domain}/*`, `*://*.${domain}/*`];
}

export const NEWS_SITE_MATCHES: string[] = NEWS_SITES.flatMap(matchPatternsFor);
