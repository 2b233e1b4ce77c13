import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const EXTENSION_DIR = `${ROOT}.output/chrome-mv3`;
export const FIREFOX_EXTENSION_DIR = `${ROOT}.output/firefox-mv2`;
export const FIXTURES_DIR = `${ROOT}test/fixtures`;
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** A developer may skip the browser tests explicitly; CI (CI=true) never may. */
export function e2eOptOut(): boolean {
  if (process.env.FYP_SKIP_E2E !== '1') return false;
  if (process.env.CI === 'true') throw new Error('[e2e] FYP_SKIP_E2E is not allowed in CI');
  return true;
}
