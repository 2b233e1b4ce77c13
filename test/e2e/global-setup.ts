/**
 * Runs once before the end-to-end tests: checks that Chromium and Firefox are there (failing
 * with how to install them, never skipping silently), builds both packages the tests load, and
 * makes the Firefox profile every Firefox launch copies (removed after the run).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { makeProfileTemplate } from './firefox-harness';
import { CHROMIUM_PATH, EXTENSION_DIR, FIREFOX_EXTENSION_DIR, FIREFOX_PATH, ROOT, e2eOptOut } from './paths';

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  if (e2eOptOut()) {
    console.warn('\n[e2e] FYP_SKIP_E2E=1: end-to-end tests are SKIPPED on request (never in CI).\n');
    return undefined;
  }
  const optOut = '(A developer may opt out with FYP_SKIP_E2E=1; CI may not.)';
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `[e2e] No Chromium at ${CHROMIUM_PATH}. Install Debian's: \`sudo apt-get install -y chromium\`, ` +
        `or point CHROMIUM_PATH at a Chromium/Chrome binary. ${optOut}`,
    );
  }
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(
      `[e2e] No Firefox at ${FIREFOX_PATH}. Install Debian's: \`sudo apt-get install -y firefox-esr\` (135 or later), ` +
        `or point FIREFOX_PATH at a Firefox binary. ${optOut}`,
    );
  }
  if (process.env.FYP_SKIP_BUILD !== '1') {
    execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  for (const dir of [EXTENSION_DIR, FIREFOX_EXTENSION_DIR]) {
    if (!existsSync(`${dir}/manifest.json`)) throw new Error(`[e2e] build missing: ${dir}`);
  }
  const template = await makeProfileTemplate();
  project.provide('firefoxProfileTemplate', template);
  return () => rmSync(template, { recursive: true, force: true });
}
