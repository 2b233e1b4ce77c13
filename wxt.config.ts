import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { NEWS_SITE_MATCHES } from './data/news-sites';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: 'Five-Year Plan Lens',
    description:
      "Highlights China's provinces, cities and priority sectors in news about the 15th Five-Year Plan, with sourced regional summaries.",
    permissions: ['storage', 'activeTab', 'scripting'],
    optional_host_permissions: ['*://*/*'],
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
