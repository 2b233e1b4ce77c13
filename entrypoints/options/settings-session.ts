/**
 * The options page's copy of the settings. What it shows is the stored value with the page's
 * own changes that the background has not confirmed yet applied on top, so a click shows at
 * once and is never shown reverted, whatever order storage events and confirmations arrive in:
 * every change states the value it wants (never "toggle"), so applying it on top of a value
 * that already holds it changes nothing. Stored values are taken in revision order; an older
 * one that arrives late is ignored.
 */
import { browser } from 'wxt/browser';
import { sendToExtension } from '../../data/protocol';
import { applyChanges, sanitizeSettings, type Settings, type SettingsChange } from '../../data/settings';
import { readSettings, watchSettings, type SettingsSnapshot } from '../../data/settings-store';

/** How the session reads, follows and changes the stored settings. */
export interface SettingsTransport {
  read(): Promise<SettingsSnapshot>;
  watch(callback: (snapshot: SettingsSnapshot) => void): () => void;
  /** Has the settings' one writer apply the changes; resolves with what it stored. */
  send(changes: SettingsChange[]): Promise<SettingsSnapshot>;
}

/** The real transport: storage to read, the background to write. */
export function browserSettingsTransport(knownCategories: ReadonlySet<string>): SettingsTransport {
  return {
    read: () => readSettings(knownCategories),
    watch: (callback) => watchSettings(callback, knownCategories),
    send: (changes) => sendToExtension(browser.runtime, { type: 'change-settings', changes }),
  };
}

export class SettingsSession {
  private stored: SettingsSnapshot | null = null;
  private pending: SettingsChange[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly transport: SettingsTransport,
    private readonly knownCategories: ReadonlySet<string>,
  ) {}

  /** Reads and follows the stored settings; returns the function that stops following. */
  start(): () => void {
    const unwatch = this.transport.watch((snapshot) => this.accept(snapshot));
    this.transport.read().then(
      (snapshot) => this.accept(snapshot),
      (error: unknown) => console.warn('[fyp] settings could not be read', error),
    );
    return unwatch;
  }

  /** What the page shows: null until the first read. */
  view(): Settings | null {
    if (!this.stored) return null;
    if (this.pending.length === 0) return this.stored.settings;
    return sanitizeSettings(applyChanges(this.stored.settings, this.pending), this.knownCategories).settings;
  }

  /** Calls back whenever the view may have changed; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Shows a change at once and has it stored; rejects (and stops showing it) if it is not. */
  async change(change: SettingsChange): Promise<void> {
    this.pending.push(change);
    this.notify();
    try {
      this.accept(await this.transport.send([change]), false);
    } finally {
      this.pending.splice(this.pending.indexOf(change), 1);
      this.notify();
    }
  }

  private accept(snapshot: SettingsSnapshot, notify = true): void {
    if (this.stored && snapshot.rev < this.stored.rev) return;
    this.stored = snapshot;
    if (notify) this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
