interface Props {
  /** Heading id prefix and list name, e.g. "built-in". */
  name: string;
  sites: readonly string[];
  disabledSites: readonly string[];
  onToggle(site: string, on: boolean): void;
  /** Added sites only: remove button. */
  onRemove?: (site: string) => void;
  /** Added sites only: sites whose host permission is granted (the others get a button). */
  granted?: ReadonlySet<string>;
  onGrant?: (site: string) => void;
}

/** Sites with a switch each ("on" unless listed in disabledSites), optionally removable. */
export function SiteList({ name, sites, disabledSites, onToggle, onRemove, granted, onGrant }: Props) {
  return (
    <ul class="site-list" data-list={name}>
      {sites.map((site) => {
        const id = `site-${name}-${site}`;
        const missing = granted !== undefined && !granted.has(site);
        return (
          <li key={site} data-site={site}>
            <input
              type="checkbox"
              role="switch"
              class="switch"
              id={id}
              checked={!disabledSites.includes(site)}
              onChange={(event) => onToggle(site, event.currentTarget.checked)}
            />
            <label for={id}>{site}</label>
            {missing && onGrant && (
              <button type="button" class="link-button" onClick={() => onGrant(site)}>
                Allow access<span class="visually-hidden"> to {site}</span>
              </button>
            )}
            {onRemove && (
              <button type="button" class="remove" onClick={() => onRemove(site)}>
                Remove<span class="visually-hidden"> {site}</span>
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
