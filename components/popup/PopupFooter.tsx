import { formatDate } from '../../data/labels';
import { usePopupContext } from './popup-context';

interface PopupFooterProps {
  onOpenSettings: () => void;
  /** Where the browser has a side panel (sidebar) and this is the toolbar popup. */
  onOpenSidePanel?: () => void;
}

/** The data's version and as-of date, and the ways to the side panel and the settings. */
export function PopupFooter({ onOpenSettings, onOpenSidePanel }: PopupFooterProps) {
  const { data } = usePopupContext();
  return (
    <footer class="popup-footer">
      <p>
        Plan data as of <time dateTime={data.meta.asOf}>{formatDate(data.meta.asOf)}</time>, version {data.meta.version}.
        Summaries are our paraphrase; follow the sources.
      </p>
      <span class="footer-links">
        {onOpenSidePanel ? (
          <button type="button" class="link-button" onClick={onOpenSidePanel}>
            Side panel
          </button>
        ) : null}
        <button type="button" class="link-button" onClick={onOpenSettings}>
          Settings
        </button>
      </span>
    </footer>
  );
}
