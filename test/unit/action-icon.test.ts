// @vitest-environment node
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { actionIconPaths, ICON_SIZES, showRegionState } from '../../entrypoints/background/action-icon';

const root = `${fileURLToPath(new URL('../../', import.meta.url))}.store/public`;

describe('toolbar icon state', () => {
  it('uses the colour icon when the page names regions and the grey one when it names none', () => {
    expect(actionIconPaths(3)).toEqual({ 16: '/icon/16.png', 32: '/icon/32.png', 48: '/icon/48.png', 128: '/icon/128.png' });
    expect(Object.values(actionIconPaths(0)).every((path) => path.startsWith('/icon-inactive/'))).toBe(true);
  });

  it('points only at PNGs that are committed in .store/public/ (the publicDir)', () => {
    for (const count of [0, 1]) {
      for (const path of Object.values(actionIconPaths(count))) expect(existsSync(`${root}${path}`), `${root}${path}`).toBe(true);
    }
    expect(ICON_SIZES).toEqual([16, 32, 48, 128]);
  });

  it('sets the icon on the tab and survives a tab that closed meanwhile', async () => {
    const calls: unknown[] = [];
    await showRegionState({ setIcon: async (details) => void calls.push(details) }, 7, 0);
    expect(calls).toEqual([{ tabId: 7, path: actionIconPaths(0) }]);
    const failing = { setIcon: () => Promise.reject(new Error('No tab with id: 7')) };
    await expect(showRegionState(failing, 7, 2)).resolves.toBeUndefined();
  });

  it.each([
    { case: 'first report, regions: the default icon already shows them', count: 4, fresh: true, icon: undefined },
    { case: 'first report, no region: grey', count: 0, fresh: true, icon: 'icon-inactive' },
    { case: 'later report, regions: the tab may be grey', count: 4, fresh: false, icon: 'icon' },
    { case: 'later report, no region: grey', count: 0, fresh: false, icon: 'icon-inactive' },
  ])('$case', async ({ count, fresh, icon }) => {
    const calls: { tabId: number; path: Record<string, string> }[] = [];
    await showRegionState({ setIcon: async (details) => void calls.push(details) }, 3, count, fresh);
    expect(calls.map((call) => call.path['16'])).toEqual(icon === undefined ? [] : [`/${icon}/16.png`]);
    expect(calls.every((call) => call.tabId === 3)).toBe(true);
  });
});
