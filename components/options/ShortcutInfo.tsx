export interface ShortcutSettingsLink {
  /** Where the browser lets readers change shortcuts, in words. */
  label: string;
  /** Shown as the link's address; browsers block plain links to it, so `open` opens it. */
  url?: string;
  /** Opens the browser's shortcut settings; absent when only directions can be given. */
  open?: () => void;
}

interface Props {
  /** The assigned keys ("Alt+Shift+H"), "" when none is assigned, null while loading. */
  shortcut: string | null;
  settings: ShortcutSettingsLink;
}

/** The toggle shortcut as assigned now, and the way to the browser's shortcut settings. */
export function ShortcutInfo({ shortcut, settings }: Props) {
  const { label, url, open } = settings;
  return (
    <div class="shortcut">
      <p>
        Switch highlights off or on for the current tab:{' '}
        {shortcut === null ? (
          <span>…</span>
        ) : shortcut === '' ? (
          <strong>no shortcut assigned</strong>
        ) : (
          <kbd class="keys" data-shortcut={shortcut}>
            {shortcut.split('+').map((key, i) => (
              <span key={key}>
                {i > 0 && '+'}
                <kbd>{key}</kbd>
              </span>
            ))}
          </kbd>
        )}
      </p>
      <p>
        {open && url ? (
          <a
            href={url}
            onClick={(event) => {
              event.preventDefault();
              open();
            }}
          >
            Change it in {label}
          </a>
        ) : open ? (
          <button type="button" class="link-button" onClick={open}>
            Change it in {label}
          </button>
        ) : (
          <>Change it in {label}.</>
        )}
      </p>
    </div>
  );
}
