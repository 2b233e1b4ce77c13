import { readFileSync } from 'node:fs';
import { defineConfig } from 'wxt';
import type { Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { NEWS_SITE_MATCHES } from './data/news-sites';

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
  vite: () => ({
    plugins: [polyfillAsEsm(), preact()],
    // JSON imports become JSON.parse('…') calls, which V8 parses several times faster than the
    // same data as object literals: the popup and content script open sooner.
    json: { stringify: true },
  }),
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Five-Year Plan Lens',
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
            gecko: { id: 'five-year-plan-lens@example.org', strict_min_version: '128.0' },
          },
        }
      : {}),
  }),
});
