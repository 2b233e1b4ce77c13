interface PopupHeaderProps {
  /** The article's title, once known. */
  pageTitle: string | null;
  /** Only the toolbar popup offers "Open in a tab" (the full tab and the side panel stay open). */
  canOpenInTab: boolean;
  canCopy: boolean;
  onCopy: () => void;
  onOpenInTab: () => void;
  /** Outcome of the last action ("Summary copied"), announced politely. */
  notice: string;
}

/** The banner: what the popup is about, and the page-wide actions. */
export function PopupHeader({ pageTitle, canOpenInTab, canCopy, onCopy, onOpenInTab, notice }: PopupHeaderProps) {
  return (
    <header class="popup-header">
      <div class="brand-row">
        <h1 class="brand">Five-Year Plan Lens</h1>
        <div class="actions">
          <button type="button" class="button button--small" onClick={onCopy} aria-disabled={!canCopy}>
            Copy summary
          </button>
          {canOpenInTab ? (
            <button type="button" class="button button--small button--secondary" onClick={onOpenInTab}>
              Open in a tab
            </button>
          ) : null}
        </div>
      </div>
      <p class="page-title" title={pageTitle ?? undefined}>
        {pageTitle ?? '\u00a0'}
      </p>
      <p class="notice" role="status" aria-live="polite">
        {notice}
      </p>
    </header>
  );
}
