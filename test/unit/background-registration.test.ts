import { describe, expect, it, vi } from 'vitest';
import {
  ADDED_SITES_SCRIPT_ID,
  CONTENT_SCRIPT_FILE,
  contentScriptRegistration,
  injectIntoOpenTabs,
  registrationStep,
  syncRegistration,
  type ContentScript,
  type RegistrationApi,
} from '../../entrypoints/background/content-script-registration';

const granted = (...sites: string[]): Set<string> => new Set(sites);

describe('contentScriptRegistration', () => {
  it('registers the content script for added sites that have permission', () => {
    expect(contentScriptRegistration({ addedSites: ['example.org', 'foo.net'] }, granted('example.org', 'foo.net'))).toEqual({
      id: ADDED_SITES_SCRIPT_ID,
      js: [CONTENT_SCRIPT_FILE],
      matches: ['*://example.org/*', '*://*.example.org/*', '*://foo.net/*', '*://*.foo.net/*'],
      runAt: 'document_idle',
    });
  });

  it('leaves out sites without permission and built-in sites (the manifest covers those)', () => {
    const script = contentScriptRegistration({ addedSites: ['example.org', 'denied.org', 'scmp.com', 'news.cgtn.com'] }, granted('example.org', 'scmp.com', 'news.cgtn.com'));
    expect(script?.matches).toEqual(['*://example.org/*', '*://*.example.org/*']);
  });

  it('wants no registration when no added site is granted', () => {
    expect(contentScriptRegistration({ addedSites: [] }, granted())).toBeNull();
    expect(contentScriptRegistration({ addedSites: ['example.org'] }, granted())).toBeNull();
  });
});

describe('registrationStep', () => {
  const wanted = contentScriptRegistration({ addedSites: ['example.org'] }, granted('example.org')) as ContentScript;
  it.each<[string, ContentScript | null, ContentScript | undefined, string]>([
    ['nothing wanted, nothing registered', null, undefined, 'none'],
    ['nothing wanted, one registered', null, wanted, 'unregister'],
    ['wanted, nothing registered', wanted, undefined, 'register'],
    ['wanted, same registered (other order)', wanted, { ...wanted, matches: [...(wanted.matches ?? [])].reverse() }, 'none'],
    ['wanted, other sites registered', wanted, { ...wanted, matches: ['*://old.org/*'] }, 'update'],
  ])('%s → %s', (_name, want, registered, action) => {
    expect(registrationStep(want, registered).action).toBe(action);
  });
});

/** A scripting/permissions fake that keeps registrations in memory, like Chrome does. */
function fakeApi(grantedOrigins: string[]): RegistrationApi & { registered: Map<string, ContentScript> } {
  const registered = new Map<string, ContentScript>();
  return {
    registered,
    permissions: {
      contains: vi.fn(async ({ origins = [] }: { origins?: string[] }) => origins.every((o) => grantedOrigins.includes(o))),
    },
    scripting: {
      getRegisteredContentScripts: vi.fn(async (filter?: { ids?: string[] }) =>
        [...registered.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id)),
      ),
      registerContentScripts: vi.fn(async (scripts: ContentScript[]) => {
        for (const s of scripts) {
          if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          registered.set(s.id, s);
        }
      }),
      updateContentScripts: vi.fn(async (scripts: ContentScript[]) => {
        for (const s of scripts) registered.set(s.id, { ...registered.get(s.id), ...s });
      }),
      unregisterContentScripts: vi.fn(async (filter?: { ids?: string[] }) => {
        for (const id of filter?.ids ?? [...registered.keys()]) registered.delete(id);
      }),
    } as unknown as RegistrationApi['scripting'],
  };
}

describe('syncRegistration', () => {
  it('registers, updates and unregisters as sites are added and removed', async () => {
    const api = fakeApi(['*://example.org/*', '*://*.example.org/*', '*://foo.net/*', '*://*.foo.net/*']);

    let result = await syncRegistration({ addedSites: ['example.org'] }, api);
    expect(result).toMatchObject({ step: { action: 'register' }, sites: ['example.org'], newSites: ['example.org'] });
    expect(api.registered.get(ADDED_SITES_SCRIPT_ID)?.matches).toEqual(['*://example.org/*', '*://*.example.org/*']);

    // Startup with nothing changed: no call, and no site counted as new.
    result = await syncRegistration({ addedSites: ['example.org'] }, api);
    expect(result).toMatchObject({ step: { action: 'none' }, newSites: [] });

    result = await syncRegistration({ addedSites: ['example.org', 'foo.net'] }, api);
    expect(result).toMatchObject({ step: { action: 'update' }, newSites: ['foo.net'] });
    expect(api.registered.get(ADDED_SITES_SCRIPT_ID)?.matches).toHaveLength(4);

    result = await syncRegistration({ addedSites: [] }, api);
    expect(result.step.action).toBe('unregister');
    expect(api.registered.size).toBe(0);
  });

  it('does not register a site whose permission was refused or revoked', async () => {
    const api = fakeApi([]);
    const result = await syncRegistration({ addedSites: ['example.org'] }, api);
    expect(result.step.action).toBe('none');
    expect(api.scripting.registerContentScripts).not.toHaveBeenCalled();
  });

  it('treats a failing permission check as not granted', async () => {
    const api = fakeApi([]);
    api.permissions.contains = vi.fn(async () => {
      throw new Error('Invalid match pattern');
    });
    expect((await syncRegistration({ addedSites: ['example.org'] }, api)).sites).toEqual([]);
  });
});

describe('injectIntoOpenTabs', () => {
  it('runs the content script in the open tabs of new sites and survives a failing tab', async () => {
    const query = vi.fn(async () => [{ id: 1 }, { id: 2 }, {}]);
    const executeScript = vi.fn(async ({ target }: { target: { tabId: number } }) => {
      if (target.tabId === 2) throw new Error('Frame with ID 0 is showing error page');
      return [];
    });
    const injected = await injectIntoOpenTabs(['example.org'], {
      tabs: { query },
      scripting: { executeScript },
    } as unknown as Parameters<typeof injectIntoOpenTabs>[1]);
    expect(query).toHaveBeenCalledWith({ url: ['*://example.org/*', '*://*.example.org/*'] });
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 1 }, files: [CONTENT_SCRIPT_FILE] });
    expect(injected).toEqual([1]);
  });
});
