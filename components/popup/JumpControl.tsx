import { useState } from 'preact/hooks';
import type { JumpResult } from '../../data/protocol';

interface JumpControlProps {
  regionName: string;
  /** Asks the tab to scroll to the region's next mention. */
  onJump: () => Promise<JumpResult>;
}

type JumpStatus = { kind: 'idle' } | { kind: 'at'; position: number; total: number } | { kind: 'failed'; text: string };

/** "Jump to mention": scrolls the page to the region's next mention and says which ("2 of 5"). */
export function JumpControl({ regionName, onJump }: JumpControlProps) {
  const [status, setStatus] = useState<JumpStatus>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);
  const jump = async (): Promise<void> => {
    setBusy(true);
    try {
      const result = await onJump();
      setStatus(
        result.found
          ? { kind: 'at', position: result.position, total: result.total }
          : { kind: 'failed', text: 'No highlighted mention left on the page' },
      );
    } catch {
      setStatus({ kind: 'failed', text: 'The page did not answer' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="jump">
      <button
        type="button"
        class="button button--small"
        onClick={() => void jump()}
        aria-disabled={busy}
      >
        {/* The spoken name starts with the visible words (WCAG 2.5.3, label in name). */}
        Jump to mention<span class="visually-hidden"> of {regionName} on the page</span> <span aria-hidden="true">↓</span>
      </button>
      <span class="jump-status" role="status" aria-live="polite">
        {status.kind === 'at' ? `${status.position} of ${status.total}` : status.kind === 'failed' ? status.text : ''}
      </span>
    </div>
  );
}
