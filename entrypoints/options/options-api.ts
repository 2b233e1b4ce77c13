/**
 * The browser APIs the options page uses, as one interface so tests can hand in fakes (WXT's
 * fakeBrowser implements storage, not permissions or commands).
 */
import type { WxtBrowser } from 'wxt/browser';
import type { ShortcutSettingsLink } from '../../components/options/ShortcutInfo';

export interface OptionsApi {
  permissions: Pick<WxtBrowser['permissions'], 'request' | 'remove' | 'contains' | 'onAdded' | 'onRemoved'>;
  commands: Pick<WxtBrowser['commands'], 'getAll'> & {
    /** Firefox 137+ only. */
    openShortcutSettings?: () => Promise<void>;
  };
  tabs: Pick<WxtBrowser['tabs'], 'create'>;
}

export const TOGGLE_COMMAND = 'toggle-highlights';
const CHROME_SHORTCUTS_URL = 'chrome://extensions/shortcuts';

/** The keys assigned to the toggle command, "" when none is (the browser drops a taken one). */
export async function loadShortcut(api: Pick<OptionsApi, 'commands'>): Promise<string> {
  const commands = await api.commands.getAll();
  return commands.find((command) => command.name === TOGGLE_COMMAND)?.shortcut ?? '';
}

/** How to reach the browser's shortcut settings from the options page. */
export function shortcutSettingsLink(api: OptionsApi, isFirefox: boolean): ShortcutSettingsLink {
  if (isFirefox) {
    const open = api.commands.openShortcutSettings;
    return open
      ? { label: "Firefox's extension shortcut settings", open: () => void open().catch(() => {}) }
      : { label: 'about:addons, gear menu, "Manage Extension Shortcuts"' };
  }
  // Chromium opens chrome:// pages only through the tabs API, never from a link.
  return {
    label: "the browser's keyboard shortcut settings",
    url: CHROME_SHORTCUTS_URL,
    open: () => void api.tabs.create({ url: CHROME_SHORTCUTS_URL }).catch(() => {}),
  };
}
