/**
 * Which sites the extension runs on: the built-in news sites, the ones a user added, and the
 * pages no extension may touch. Pure helpers shared by the popup, options page and background.
 */
import { matchPatternsFor, NEWS_SITES } from './news-sites';

/** The site a tab's URL belongs to, as stored in settings ("www.scmp.com" → "scmp.com"). */
export function siteOf(url: string): string | null {
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:') return null;
    return hostname.replace(/^www\./, '').toLowerCase() || null;
  } catch {
    return null;
  }
}

/** Whether a host is covered by a listed site (the site itself or a subdomain of it). */
export function hostMatches(host: string, site: string): boolean {
  const h = host.toLowerCase();
  return h === site || h.endsWith(`.${site}`);
}

/** The built-in news site covering a host, if any. */
export function builtInSiteFor(host: string): string | undefined {
  return NEWS_SITES.find((site) => hostMatches(host, site));
}

/** Match patterns (http and https, all subdomains) for a site the user added. */
export function originsFor(site: string): string[] {
  return matchPatternsFor(site);
}

const RESTRICTED_HOSTS = ['chromewebstore.google.com', 'chrome.google.com', 'addons.mozilla.org', 'microsoftedge.microsoft.com'];

/**
 * Pages no extension can annotate: browser pages, other extensions' pages, the web stores,
 * PDFs in the viewer. The popup explains these instead of offering to highlight.
 */
export function isRestrictedUrl(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:' && protocol !== 'file:') return true;
    if (RESTRICTED_HOSTS.includes(hostname)) return true;
    return false;
  } catch {
    return true;
  }
}
