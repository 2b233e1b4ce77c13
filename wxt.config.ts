import { readFileSync } from 'node:fs';
import { defineConfig } from 'wxt';
import type { Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { NEWS_SITE_MATCHES } from './data/news-sites';
import { actionIconPaths } from './entrypoints/background/action-icon';

/**
 * Loads webextension-polyfill (a UMD file) as an ES module. Imported as CommonJS, the bundler's
 * interop copies every property of its export; where the browser has a native `browser`, the
 * polyfill exports that object, and copying it instantiates each lazily created API (chrome.app
 * and the rest): 40 ms in a fresh renderer, on every news page the content script is injected
 * into. Through its AMD branch the file hands over its export unchanged.
 */
function polyfillAsEsm(): Plugin {
  return {
    name: 'fyp:webextension-polyfill-esm',
    enforce: 'pre',
    load(id) {
      if (!/[\\/]webextension-polyfill[\\/]dist[\\/]browser-polyfill(\.min)?\.js$/.test(id)) return null;
      const umd = readFileSync(id, 'utf8');
      return [
        'const module = { exports: {} };',
        'const define = (_name, _deps, factory) => factory(module);',
        'define.amd = true;',
        umd,
        'export default module.exports;',
      ].join('\n');
    },
  };
}

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // The project's top level is fixed (package.json, tsconfig.json, wxt.config.ts, entrypoints/,
  // components/, data/, test/, README.md): the icons WXT copies as they are live with the other
  // store assets.
  publicDir: '.store/public',
  // `npm run dev`: Chromium refuses to start as root (containers, CI images) without
  // --no-sandbox; for everyone else the sandbox stays on.
  webExt: process.getuid?.() === 0 ? { chromiumArgs: ['--no-sandbox'] } : {},
  vite: () => ({
    plugins: [polyfillAsEsm(), preact()],
    // mark.js's ES2015 build: the default one is transpiled to ES5 (classes written out as
    // functions), which adds about 3 kB to a content script that runs on every news page; every
    // browser we support runs ES2015.
    resolve: { alias: [{ find: /^mark\.js$/, replacement: 'mark.js/dist/mark.es6.js' }] },
    // JSON imports become JSON.parse('…') calls, which V8 parses several times faster than the
    // same data as object literals: the popup and content script open sooner.
    json: { stringify: true },
  }),
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Five-Year Plan Lens',
    // `icons` comes from .store/public/icon/ (WXT finds it in publicDir); the toolbar button starts with the same
    // set, and the background greys it on tabs whose page names no region (action-icon.ts).
    [manifestVersion === 2 ? 'browser_action' : 'action']: { default_icon: actionIconPaths(1) },
    // Extension pages load only their own scripts and no plugins.
    content_security_policy:
      manifestVersion === 2
        ? "script-src 'self'; object-src 'none'"
        : { extension_pages: "script-src 'self'; object-src 'none'" },
    description:
      "Highlights China's provinces, cities and priority sectors in news about the 15th Five-Year Plan, with sourced regional summaries.",
    permissions: ['storage', 'activeTab', 'scripting'],
    // Sites the reader adds ask for their host permission at run time (options page, popup).
    optional_host_permissions: ['*://*/*'],
    // MV2 (Firefox) has no optional_host_permissions (WXT drops the key): origins go here.
    ...(manifestVersion === 2 ? { optional_permissions: ['*://*/*'] } : {}),
    host_permissions: NEWS_SITE_MATCHES,
    commands: {
      'toggle-highlights': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Toggle highlights on the current tab',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              // A UUID id: ours without owning a domain.
              id: '{75a7b60a-a891-48cf-95a6-1ae46b513f5b}',
              // 140 (ESR): the first to read data_collection_permissions.
              strict_min_version: '140.0',
              // Nothing is collected or transmitted (README, Permissions and privacy).
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : // Chrome 111: the bundles' syntax target (Vite's default); the popup's CSS :has() needs
        // 105, chrome.scripting's content-script registration 96.
        { minimum_chrome_version: '111' }),
  }),
});
