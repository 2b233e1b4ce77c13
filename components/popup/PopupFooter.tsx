import { formatDate } from '../../data/labels';
import { usePopupContext } from './popup-context';

interface PopupFooterProps {
  onOpenSettings: () => void;
}

/** The data's version and as-of date, and the way to the settings. */
export function PopupFooter({ onOpenSettings }: PopupFooterProps) {
  const { data } = usePopupContext();
  return (
    <footer class="popup-footer">
      <p>
        Plan data as of <time dateTime={data.meta.asOf}>{formatDate(data.meta.asOf)}</time>, version {data.meta.version}.
        Summaries are our paraphrase; follow the sources.
      </p>
      <button type="button" class="link-button" onClick={onOpenSettings}>
        Settings
      </button>
    </footer>
  );
}
