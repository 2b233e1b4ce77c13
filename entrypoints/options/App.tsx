import { useEffect, useMemo, useState } from 'preact/hooks';
import { AddSiteForm } from '../../components/options/AddSiteForm';
import { CategoryToggle } from '../../components/options/CategoryToggle';
import { HighlightStyleChoice } from '../../components/options/HighlightStyleChoice';
import { ImportExport, type ImportOutcome } from '../../components/options/ImportExport';
import { ShortcutInfo } from '../../components/options/ShortcutInfo';
import { SiteList } from '../../components/options/SiteList';
import { SwitchRow } from '../../components/options/SwitchRow';
import { NEWS_SITES } from '../../data/news-sites';
import { CITY_COLOR, CLUSTER_COLOR, paletteFor, REGION_COLOR } from '../../data/palette';
import type { SectorCategory } from '../../data/schema';
import { isCategoryEnabled, MAX_IMPORT_BYTES, type Settings, type SettingsChange } from '../../data/settings';
import { originsFor } from '../../data/sites';
import { loadShortcut, shortcutSettingsLink, type OptionsApi } from './options-api';
import { parseSettingsFile, serializeSettings, SETTINGS_FILE_NAME } from './settings-file';
import { addSite, removeSite } from './site-actions';
import { useGrantedSites } from './use-granted-sites';
import type { SettingsTransport } from './settings-session';
import { useSettings } from './use-settings';

interface Props {
  categories: readonly SectorCategory[];
  api: OptionsApi;
  /** Reads and follows the settings, and sends changes to their one writer. */
  transport: SettingsTransport;
  isFirefox: boolean;
}

interface Kind {
  id: string;
  label: string;
  description?: string;
  defaultColor: string;
  isOn(settings: Settings): boolean;
  change(on: boolean): SettingsChange;
}

/** Regions, cities, strategies, then each sector category: everything that can be switched and coloured. */
function kindsOf(categories: readonly SectorCategory[]): Kind[] {
  return [
    { id: 'region', label: 'Provinces and regions', defaultColor: REGION_COLOR, isOn: (s) => s.regions, change: (on) => ({ kind: 'switch', key: 'regions', on }) },
    { id: 'city', label: 'Cities', defaultColor: CITY_COLOR, isOn: (s) => s.cities, change: (on) => ({ kind: 'switch', key: 'cities', on }) },
    {
      id: 'cluster',
      label: 'National regional strategies',
      description: 'Greater Bay Area, Yangtze River Delta, Beijing-Tianjin-Hebei, Chengdu-Chongqing and the others the plan names',
      defaultColor: CLUSTER_COLOR,
      isOn: (s) => s.clusters,
      change: (on) => ({ kind: 'switch', key: 'clusters', on }),
    },
    ...categories.map((category) => ({
      id: category.id,
      label: category.label,
      description: category.sectors.map((sector) => sector.label).join(', '),
      defaultColor: category.color,
      isOn: (s: Settings) => isCategoryEnabled(s, category.id),
      change: (on: boolean): SettingsChange => ({ kind: 'category', id: category.id, on }),
    })),
  ];
}

export function App({ categories, api, transport, isFirefox }: Props) {
  const known = useMemo(() => new Set(categories.map((c) => c.id)), [categories]);
  const kinds = useMemo(() => kindsOf(categories), [categories]);
  const { settings, update, error } = useSettings(transport, known);
  const granted = useGrantedSites(settings?.addedSites ?? [], api);
  const [shortcut, setShortcut] = useState<string | null>(null);
  const [siteMessage, setSiteMessage] = useState('');

  useEffect(() => {
    loadShortcut(api).then(setShortcut, () => setShortcut(''));
  }, [api]);

  if (!settings) return <main aria-busy="true">Loading settings…</main>;

  const palette = paletteFor({ categories, colors: settings.colors });
  const otherOff = settings.disabledSites.filter((s) => !NEWS_SITES.includes(s) && !settings.addedSites.includes(s));

  const importFile = async (text: string): Promise<ImportOutcome> => {
    const parsed = parseSettingsFile(text, known);
    if (!parsed.ok) return { ok: false, error: parsed.error };
    if (!(await update({ kind: 'replace', settings: parsed.settings }))) {
      return { ok: false, error: 'The settings could not be saved. Try again.' };
    }
    return { ok: true, problems: parsed.problems };
  };

  return (
    <main>
      <h1>Five-Year Plan Lens options</h1>
      <p class="lead">Changes apply at once to every open page and are kept in your browser profile.</p>
      {error && (
        <p class="status error" role="alert">
          {error}
        </p>
      )}

      <section aria-labelledby="what-heading">
        <h2 id="what-heading">What to highlight</h2>
        <div class="row">
          <input
            type="checkbox"
            role="switch"
            class="switch"
            id="toggle-enabled"
            checked={settings.enabled}
            onChange={(event) => {
              const on = event.currentTarget.checked;
              void update({ kind: 'switch', key: 'enabled', on });
            }}
          />
          <label for="toggle-enabled">Highlights on (everywhere)</label>
        </div>
        <ul class="categories">
          {kinds.map((kind) => (
            <CategoryToggle
              key={kind.id}
              id={kind.id}
              label={kind.label}
              {...(kind.description ? { description: kind.description } : {})}
              checked={kind.isOn(settings)}
              defaultColor={kind.defaultColor}
              override={settings.colors[kind.id]}
              cue={palette.get(kind.id)?.cue ?? 'solid'}
              {...(palette.get(kind.id)?.over ? { over: true } : {})}
              highlightStyle={settings.style}
              onToggle={(on) => void update(kind.change(on))}
              onColor={(color) => void update({ kind: 'color', id: kind.id, color })}
            />
          ))}
        </ul>
      </section>

      <section aria-labelledby="look-heading">
        <h2 id="look-heading">How highlights look</h2>
        <HighlightStyleChoice value={settings.style} onChange={(style) => void update({ kind: 'style', style })} />
        <SwitchRow
          id="first-mention"
          label="First mention per paragraph only"
          checked={settings.firstMentionOnly}
          hint="Highlights each place or sector once per paragraph, to keep dense pages readable."
          onChange={(on) => void update({ kind: 'switch', key: 'firstMentionOnly', on })}
        />
        <SwitchRow
          id="hover-cards"
          label="Hover cards"
          checked={settings.hoverCards}
          hint="Pointing at a highlight, or focusing it from the keyboard, shows a short card about that place or sector beside it."
          onChange={(on) => void update({ kind: 'switch', key: 'hoverCards', on })}
        />
      </section>

      <section aria-labelledby="sites-heading">
        <h2 id="sites-heading">Sites</h2>
        <h3 id="builtin-heading">News sites</h3>
        <SiteList name="built-in" sites={NEWS_SITES} disabledSites={settings.disabledSites} onToggle={(site, on) => void update({ kind: 'site', site, on })} />
        <h3 id="added-heading">Sites you added</h3>
        {settings.addedSites.length === 0 ? (
          <p class="hint">None yet.</p>
        ) : (
          <SiteList
            name="added"
            sites={settings.addedSites}
            disabledSites={settings.disabledSites}
            onToggle={(site, on) => void update({ kind: 'site', site, on })}
            {...(granted ? { granted } : {})}
            onGrant={(site) => {
              // Straight from the click: the prompt needs the user's gesture.
              void api.permissions.request({ origins: originsFor(site) }).catch(() => false);
            }}
            onRemove={(site) => {
              void removeSite(site, api, update).then((outcome) => setSiteMessage(outcome.message));
            }}
          />
        )}
        <p role="status" class="status">
          {siteMessage}
        </p>
        {otherOff.length > 0 && (
          <>
            <h3 id="other-heading">Other sites switched off</h3>
            <SiteList name="other" sites={otherOff} disabledSites={settings.disabledSites} onToggle={(site, on) => void update({ kind: 'site', site, on })} />
          </>
        )}
        <AddSiteForm onAdd={(input) => addSite(input, settings.addedSites.length, api, update)} />
      </section>

      <section aria-labelledby="shortcut-heading">
        <h2 id="shortcut-heading">Keyboard shortcut</h2>
        <ShortcutInfo shortcut={shortcut} settings={shortcutSettingsLink(api, isFirefox)} />
      </section>

      <section aria-labelledby="backup-heading">
        <h2 id="backup-heading">Back up or move your settings</h2>
        <ImportExport exportFile={() => ({ text: serializeSettings(settings), name: SETTINGS_FILE_NAME })} onImport={importFile} maxBytes={MAX_IMPORT_BYTES} />
      </section>
    </main>
  );
}
