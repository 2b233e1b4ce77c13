/**
 * The one writer of the settings (see settings-store.ts for why there is one). The background
 * owns an instance; pages send it changes. Changes are applied in the order they arrive, on
 * top of a fresh read of the stored value; while a write is under way, the changes that arrive
 * meanwhile are gathered and written together in the next one, so forty quick clicks cost a
 * handful of writes (storage.sync allows 120 a minute) and none is lost.
 */
import { browser } from 'wxt/browser';
import { applyChanges, sanitizeSettings, SETTINGS_VERSION, type SettingsChange } from './settings';
import {
  AREA_KEY,
  readSettingsState,
  SETTINGS_KEY,
  type SettingsArea,
  type SettingsSnapshot,
  type StorageAreas,
  type StoredEnvelope,
} from './settings-store';

interface Pending {
  changes: readonly SettingsChange[];
  resolve(snapshot: SettingsSnapshot): void;
  reject(error: unknown): void;
}

export class SettingsWriter {
  private readonly queue: Pending[] = [];
  private draining = false;

  constructor(
    private readonly knownCategories?: ReadonlySet<string>,
    private readonly areas: StorageAreas = browser.storage,
  ) {}

  /**
   * Applies `changes`, after every change submitted before them, and resolves with the stored
   * result. An empty list stores nothing unless the stored layout is an older one, which it
   * rewrites in the current layout: that is the migration, run on install and update.
   */
  submit(changes: readonly SettingsChange[]): Promise<SettingsSnapshot> {
    return new Promise((resolve, reject) => {
      this.queue.push({ changes, resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  /** Rewrites settings stored in an older layout (or none) in the current one. */
  migrate(): Promise<SettingsSnapshot> {
    return this.submit([]);
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0);
        try {
          const snapshot = await this.writeBatch(batch.flatMap((pending) => pending.changes));
          for (const pending of batch) pending.resolve(snapshot);
        } catch (error) {
          for (const pending of batch) pending.reject(error);
        }
      }
    } finally {
      this.draining = false;
    }
  }

  private async writeBatch(changes: readonly SettingsChange[]): Promise<SettingsSnapshot> {
    const state = await readSettingsState(this.knownCategories, this.areas);
    const next = sanitizeSettings(applyChanges(state.snapshot.settings, changes), this.knownCategories).settings;
    if (state.current && JSON.stringify(next) === JSON.stringify(state.snapshot.settings)) return state.snapshot;
    const snapshot: SettingsSnapshot = { settings: next, rev: state.snapshot.rev + 1 };
    await this.write(state.area, snapshot);
    return snapshot;
  }

  private async write(area: SettingsArea, { settings, rev }: SettingsSnapshot): Promise<void> {
    const envelope: StoredEnvelope = { version: SETTINGS_VERSION, rev, settings };
    try {
      await this.areas.sync.set({ [SETTINGS_KEY]: envelope });
      if (area === 'local') await this.areas.local.set({ [AREA_KEY]: 'sync' });
    } catch (error) {
      console.warn('[fyp] storage.sync write failed, keeping settings in storage.local', error);
      await this.areas.local.set({ [SETTINGS_KEY]: envelope, [AREA_KEY]: 'local' });
    }
  }
}
