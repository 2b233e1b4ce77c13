import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sanitizeSettings, type Settings, type SettingsChange } from '../../data/settings';
import { readSettings, type SettingsSnapshot } from '../../data/settings-store';
import { SettingsWriter } from '../../data/settings-writer';
import { SettingsSession, type SettingsTransport } from '../../entrypoints/options/settings-session';
import { writerTransport } from './settings-helpers';

const KNOWN = new Set(['digital', 'energy']);
const defaults = (): Settings => sanitizeSettings(null).settings;

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** A transport whose answers and storage events the test releases by hand, in any order. */
function manualTransport(initial: SettingsSnapshot) {
  const watchers = new Set<(s: SettingsSnapshot) => void>();
  const sends: { changes: SettingsChange[]; answer(s: SettingsSnapshot): void; fail(e: Error): void }[] = [];
  const transport: SettingsTransport = {
    read: async () => initial,
    watch: (callback) => {
      watchers.add(callback);
      return () => watchers.delete(callback);
    },
    send: (changes) => new Promise((answer, fail) => sends.push({ changes, answer, fail })),
  };
  return { transport, sends, emit: (s: SettingsSnapshot) => watchers.forEach((w) => w(s)) };
}

async function started(session: SettingsSession): Promise<void> {
  session.start();
  await vi.waitFor(() => expect(session.view()).not.toBeNull());
}

describe('SettingsSession', () => {
  it('shows a change at once, before it is stored', async () => {
    const { transport, sends } = manualTransport({ settings: defaults(), rev: 1 });
    const session = new SettingsSession(transport, KNOWN);
    await started(session);
    void session.change({ kind: 'switch', key: 'regions', on: false });
    expect(session.view()?.regions).toBe(false);
    expect(sends).toHaveLength(1);
  });

  it('never shows a click reverted, whatever order the answer and the storage events come in', async () => {
    const { transport, sends, emit } = manualTransport({ settings: defaults(), rev: 1 });
    const session = new SettingsSession(transport, KNOWN);
    await started(session);
    const seen: (boolean | undefined)[] = [];
    session.subscribe(() => seen.push(session.view()?.cities));
    const done = session.change({ kind: 'switch', key: 'cities', on: false });
    // Another page's earlier write arrives while ours is under way: ours stays on top.
    emit({ settings: { ...defaults(), style: 'underline' }, rev: 2 });
    sends[0]!.answer({ settings: { ...defaults(), style: 'underline', cities: false }, rev: 3 });
    await done;
    // The storage event for revision 2 arrives late again: older than what we hold, ignored.
    emit({ settings: { ...defaults(), style: 'underline' }, rev: 2 });
    expect(seen.every((cities) => cities === false)).toBe(true);
    expect(session.view()).toEqual({ ...defaults(), style: 'underline', cities: false });
  });

  it('stops showing a change that could not be stored, and says so', async () => {
    const { transport, sends } = manualTransport({ settings: defaults(), rev: 1 });
    const session = new SettingsSession(transport, KNOWN);
    await started(session);
    const done = session.change({ kind: 'switch', key: 'regions', on: false });
    sends[0]!.fail(new Error('the background did not answer'));
    await expect(done).rejects.toThrow('did not answer');
    expect(session.view()?.regions).toBe(true);
  });

  it('follows changes made elsewhere', async () => {
    const { transport, emit } = manualTransport({ settings: defaults(), rev: 1 });
    const session = new SettingsSession(transport, KNOWN);
    await started(session);
    emit({ settings: { ...defaults(), enabled: false }, rev: 2 });
    expect(session.view()?.enabled).toBe(false);
  });

  it('two pages and the popup changing three settings at once: all pages end with all three', async () => {
    const writer = new SettingsWriter(KNOWN);
    const pages = [new SettingsSession(writerTransport(KNOWN, writer), KNOWN), new SettingsSession(writerTransport(KNOWN, writer), KNOWN)];
    for (const page of pages) await started(page);
    await Promise.all([
      pages[0]!.change({ kind: 'category', id: 'energy', on: false }),
      pages[1]!.change({ kind: 'style', style: 'underline' }),
      // The popup sends its change straight to the writer.
      writer.submit([{ kind: 'site', site: 'ft.com', on: false }]),
    ]);
    const expected = { ...defaults(), categories: { energy: false }, style: 'underline', disabledSites: ['ft.com'] };
    expect((await readSettings(KNOWN)).settings).toEqual(expected);
    for (const page of pages) await vi.waitFor(() => expect(page.view()).toEqual(expected));
  });
});
