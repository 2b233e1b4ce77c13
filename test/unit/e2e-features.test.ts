// @vitest-environment node
/**
 * The e2e harness repeats Playwright's --disable-features list when it adds its own (Chromium
 * reads only the last such switch). A Playwright update that changes its list fails here, not
 * as a mysterious browser difference in the end-to-end tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DISABLED_FEATURES, PLAYWRIGHT_DISABLED_FEATURES } from '../e2e/chromium-features';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The names in playwright-core's own `disabledFeatures = [...]`, ignoring Edge-only ones. */
function playwrightList(): string[] {
  const bundle = readFileSync(join(ROOT, 'node_modules/playwright-core/lib/coreBundle.js'), 'utf8');
  const body = /disabledFeatures = \[([\s\S]*?)\]/.exec(bundle)?.[1] ?? '';
  return [...body.matchAll(/^\s*"([A-Za-z0-9]+)"/gm)].map((m) => m[1] as string).filter((name) => !name.startsWith('ms'));
}

describe('the e2e harness’s Chromium features', () => {
  it('repeats every feature Playwright switches off', () => {
    const theirs = playwrightList();
    expect(theirs.length).toBeGreaterThan(5);
    expect([...PLAYWRIGHT_DISABLED_FEATURES].sort()).toEqual([...theirs].sort());
    for (const name of theirs) expect(DISABLED_FEATURES).toContain(name);
  });
});
