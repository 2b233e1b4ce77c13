import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { NEWS_SITE_MATCHES } from './data/news-sites';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
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
