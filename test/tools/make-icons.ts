/**
 * Renders the icon (.store/icon.svg, our own design) to the PNGs the manifests use:
 * .store/public/icon/{16,32,48,128}.png (WXT puts them in `icons` and the toolbar action's
 * `default_icon`) and a grey variant in .store/public/icon-inactive/ that the background shows on a tab
 * whose page names no region. Rendered by Debian's Chromium through playwright-core.
 *
 *   npm run icons
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { ICON_SIZES } from '../../entrypoints/background/action-icon';
import { CHROMIUM_PATH, ROOT } from '../e2e/paths';

const source = readFileSync(`${ROOT}.store/icon.svg`, 'utf8');

/** The inactive variant: the same drawing in greys (the lens stays light, so it reads as off). */
const GREYS: Record<string, string> = { '#8d1c1c': '#6b6b6b', '#f2c14e': '#b5b5b5', '#fff8e7': '#f2f2f2' };
const inactive = source.replace(/#[0-9a-f]{6}/gi, (colour) => GREYS[colour.toLowerCase()] ?? colour);

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const [folder, svg] of [
  ['icon', source],
  ['icon-inactive', inactive],
] as const) {
  mkdirSync(`${ROOT}.store/public/${folder}`, { recursive: true });
  for (const size of ICON_SIZES) {
    await page.setViewportSize({ width: size, height: size });
    const sized = svg.replace('width="128" height="128"', `width="${size}" height="${size}"`);
    await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${sized}`);
    writeFileSync(`${ROOT}.store/public/${folder}/${size}.png`, await page.screenshot({ omitBackground: true }));
  }
}
await browser.close();
console.log(`icons written: .store/public/icon/, .store/public/icon-inactive/ at ${ICON_SIZES.join(', ')} px`);
