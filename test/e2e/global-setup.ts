/**
 * Runs once before the end-to-end tests: checks that a Chromium is there (failing with how to
 * install one, never skipping silently) and builds the extension the tests load.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH, EXTENSION_DIR, ROOT, e2eOptOut } from './paths';

export default function setup(): void {
  if (e2eOptOut()) {
    console.warn('\n[e2e] FYP_SKIP_E2E=1: end-to-end tests are SKIPPED on request (never in CI).\n');
    return;
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `[e2e] No Chromium at ${CHROMIUM_PATH}. Install Debian's: \`sudo apt-get install -y chromium\`, ` +
        'or point CHROMIUM_PATH at a Chromium/Chrome binary. (A developer may opt out with FYP_SKIP_E2E=1; CI may not.)',
    );
  }
  if (process.env.FYP_SKIP_BUILD !== '1') {
    execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  if (!existsSync(`${EXTENSION_DIR}/manifest.json`)) throw new Error(`[e2e] build missing: ${EXTENSION_DIR}`);
}
