/**
 * The packages the project ships (both built by global-setup): the Chrome manifest asks only for
 * what the README lists, both carry the icons and the hardened CSP, and the Firefox build passes
 * Mozilla's linter with no errors and no warnings but the third-party one the README names.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NEWS_SITES } from '../../data/news-sites';
import { EXTENSION_DIR, FIREFOX_EXTENSION_DIR, ROOT } from './paths';

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[] }[];
  browser_specific_settings?: {
    gecko?: { id?: string; strict_min_version?: string; data_collection_permissions?: { required?: string[] } };
  };
  icons?: Record<string, string>;
  action?: { default_icon?: Record<string, string> };
  browser_action?: { default_icon?: Record<string, string> };
  content_security_policy?: string | { extension_pages?: string };
  minimum_chrome_version?: string;
  side_panel?: { default_path?: string };
  sidebar_action?: { default_panel?: string; open_at_install?: boolean };
}

const readManifest = (dir: string) => JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8')) as Manifest;

describe('Chrome build', () => {
  const manifest = readManifest(EXTENSION_DIR);

  it('runs on the built-in news sites only, over http and https with subdomains', () => {
    expect(NEWS_SITES.length).toBeGreaterThanOrEqual(25);
    expect([...NEWS_SITES].sort()).toEqual([...NEWS_SITES]);
    const matches = manifest.content_scripts?.flatMap((c) => c.matches) ?? [];
    for (const site of NEWS_SITES) {
      expect(matches).toContain(`*://${site}/*`);
      expect(matches).toContain(`*://*.${site}/*`);
    }
    expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
    expect(manifest.host_permissions?.every((p) => matches.includes(p))).toBe(true);
  });

  it('asks for the permissions the README explains, and other hosts only optionally', () => {
    expect([...(manifest.permissions ?? [])].sort()).toEqual(['activeTab', 'scripting', 'sidePanel', 'storage']);
    expect(manifest.optional_host_permissions).toEqual(['*://*/*']);
  });

  it('declares the side panel, a page the package carries', () => {
    expect(manifest.side_panel?.default_path).toBe('sidepanel.html');
    expect(existsSync(`${EXTENSION_DIR}/sidepanel.html`)).toBe(true);
    expect(manifest.sidebar_action).toBeUndefined();
  });
});

describe('Firefox build, sidebar', () => {
  const manifest = readManifest(FIREFOX_EXTENSION_DIR);

  it('declares the sidebar, which waits to be opened, and no Chrome side panel', () => {
    expect(manifest.sidebar_action?.default_panel).toBe('sidepanel.html');
    expect(manifest.sidebar_action?.open_at_install).toBe(false);
    expect(existsSync(`${FIREFOX_EXTENSION_DIR}/sidepanel.html`)).toBe(true);
    expect(manifest.side_panel).toBeUndefined();
    expect(manifest.permissions ?? []).not.toContain('sidePanel');
  });
});

describe.each([
  { name: 'Chrome', dir: EXTENSION_DIR },
  { name: 'Firefox', dir: FIREFOX_EXTENSION_DIR },
])('$name build', ({ dir }) => {
  const manifest = readManifest(dir);

  it('carries the icons at 16, 32, 48 and 128 px, for the toolbar button too', () => {
    const sizes = ['16', '32', '48', '128'];
    const action = manifest.action ?? manifest.browser_action;
    for (const icons of [manifest.icons, action?.default_icon]) {
      expect(Object.keys(icons ?? {}).sort()).toEqual([...sizes].sort());
      for (const path of Object.values(icons ?? {})) expect(existsSync(`${dir}/${path.replace(/^\//, '')}`), path).toBe(true);
    }
    // The grey set the background shows on pages with nothing to show.
    for (const size of sizes) expect(existsSync(`${dir}/icon-inactive/${size}.png`)).toBe(true);
  });

  it("lets extension pages load only their own scripts and no plugins (object-src 'none')", () => {
    const csp = manifest.content_security_policy;
    const policy = typeof csp === 'string' ? csp : csp?.extension_pages;
    expect(policy).toBe("script-src 'self'; object-src 'none'");
  });
});

describe('Chrome build, store fields', () => {
  it('names the minimum Chrome version', () => {
    expect(Number(readManifest(EXTENSION_DIR).minimum_chrome_version)).toBeGreaterThanOrEqual(111);
  });
});

/** web-ext lint warnings in third-party code, each named in the README (Permissions and privacy). */
const KNOWN_THIRD_PARTY_WARNINGS = [
  // Preact's renderer implements dangerouslySetInnerHTML, which our code never uses.
  { code: 'UNSAFE_VAR_ASSIGNMENT', file: /^chunks\/jsxRuntime-[\w-]+\.js$/ },
];

describe('Firefox build', () => {
  it('has a UUID gecko id, declares that no data is collected, and web-ext lint reports 0 errors', () => {
    const manifest = readManifest(FIREFOX_EXTENSION_DIR);
    const gecko = manifest.browser_specific_settings?.gecko;
    expect(gecko?.id).toMatch(/^\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}$/);
    expect(gecko?.strict_min_version).toMatch(/^\d+/);
    expect(gecko?.data_collection_permissions).toEqual({ required: ['none'] });
    let out: string;
    try {
      out = execFileSync('npx', ['web-ext', 'lint', '--source-dir', FIREFOX_EXTENSION_DIR, '--output', 'json', '--no-config-discovery'], {
        cwd: ROOT,
        encoding: 'utf8',
      });
    } catch (error) {
      // web-ext exits non-zero when it finds errors; its report is still on stdout.
      out = String((error as { stdout?: unknown }).stdout ?? '');
    }
    type Finding = { code: string; message: string; file?: string };
    const report = JSON.parse(out.slice(out.indexOf('{'))) as { errors: Finding[]; warnings: Finding[]; summary: { errors: number } };
    expect(report.errors.map((e) => `${e.code}: ${e.message}`)).toEqual([]);
    expect(report.summary.errors).toBe(0);
    const unexpected = report.warnings.filter((w) => !KNOWN_THIRD_PARTY_WARNINGS.some((k) => k.code === w.code && k.file.test(w.file ?? '')));
    expect(unexpected.map((w) => `${w.code} in ${w.file}: ${w.message}`)).toEqual([]);
  }, 120_000);
});
