/**
 * The packages the project ships: the Chrome manifest asks only for what the README lists, and
 * the Firefox build passes Mozilla's linter with no errors.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NEWS_SITES } from '../../data/news-sites';
import { EXTENSION_DIR, ROOT } from './paths';

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[] }[];
  browser_specific_settings?: { gecko?: { id?: string; strict_min_version?: string } };
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
    expect([...(manifest.permissions ?? [])].sort()).toEqual(['activeTab', 'scripting', 'storage']);
    expect(manifest.optional_host_permissions).toEqual(['*://*/*']);
  });
});

describe('Firefox build', () => {
  it('has a gecko id and minimum version, and web-ext lint reports 0 errors', () => {
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: ROOT, stdio: 'ignore' });
    const dir = `${ROOT}.output/firefox-mv2`;
    const manifest = readManifest(dir);
    expect(manifest.browser_specific_settings?.gecko?.id).toMatch(/@/);
    expect(manifest.browser_specific_settings?.gecko?.strict_min_version).toMatch(/^\d+/);
    let out: string;
    try {
      out = execFileSync('npx', ['web-ext', 'lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'], {
        cwd: ROOT,
        encoding: 'utf8',
      });
    } catch (error) {
      // web-ext exits non-zero when it finds errors; its report is still on stdout.
      out = String((error as { stdout?: unknown }).stdout ?? '');
    }
    const report = JSON.parse(out.slice(out.indexOf('{'))) as { errors: { code: string; message: string }[]; summary: { errors: number } };
    expect(report.errors.map((e) => `${e.code}: ${e.message}`)).toEqual([]);
    expect(report.summary.errors).toBe(0);
  }, 120_000);
});
