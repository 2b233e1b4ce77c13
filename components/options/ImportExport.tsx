import { useState } from 'preact/hooks';

export type ImportOutcome = { ok: true; problems: string[] } | { ok: false; error: string };

interface Props {
  /** The export file's text and name. */
  exportFile(): { text: string; name: string };
  /** Validates and stores an imported file's text. */
  onImport(text: string): Promise<ImportOutcome>;
  /** A larger file is refused before it is read. */
  maxBytes: number;
}

function kilobytes(bytes: number): string {
  return `${Math.ceil(bytes / 1024).toLocaleString('en')} KB`;
}

/** Download the settings as JSON, or load them from a file; import problems are listed. */
export function ImportExport({ exportFile, onImport, maxBytes }: Props) {
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);

  const download = (): void => {
    const { text, name } = exportFile();
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.click();
    // Revoke later: the download reads the blob after this handler returns.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const load = async (event: Event): Promise<void> => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    try {
      setOutcome(
        file.size > maxBytes
          ? { ok: false, error: `This file is ${kilobytes(file.size)}; a settings file is at most ${kilobytes(maxBytes)}.` }
          : await onImport(await file.text()),
      );
    } catch (error) {
      setOutcome({ ok: false, error: `The file could not be read: ${String(error)}` });
    }
    // Let the same file be chosen again after it is fixed.
    input.value = '';
  };

  return (
    <div class="import-export">
      <p>
        <button type="button" onClick={download}>
          Export settings
        </button>
      </p>
      <p>
        <label for="import-file">Import settings from a file</label>{' '}
        <input id="import-file" type="file" accept=".json,application/json" onChange={(event) => void load(event)} />
      </p>
      <div class="import-result" aria-live="polite">
        {outcome && !outcome.ok && (
          <p class="status error" role="alert">
            Nothing was imported. {outcome.error}
          </p>
        )}
        {outcome?.ok && (
          <div class="status ok">
            <p>Settings imported.</p>
            {outcome.problems.length > 0 && (
              <>
                <p>Some values were not valid and were replaced by their defaults:</p>
                <ul class="problems">
                  {outcome.problems.map((problem) => (
                    <li key={problem}>{problem}</li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
