import { useState } from 'preact/hooks';

export interface AddSiteResult {
  ok: boolean;
  message: string;
}

interface Props {
  /** Called synchronously from the submit event, so a permission prompt keeps the user's gesture. */
  onAdd(input: string): Promise<AddSiteResult>;
}

/** A text field and button to add a site; the outcome is announced politely. */
export function AddSiteForm({ onAdd }: Props) {
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<AddSiteResult | null>(null);

  const submit = (event: Event): void => {
    event.preventDefault();
    // No await before onAdd: the browser shows the permission prompt only within the gesture.
    const pending = onAdd(value);
    setBusy(true);
    void pending
      .then((outcome) => {
        setResult(outcome);
        if (outcome.ok) setValue('');
      })
      .catch((error: unknown) => setResult({ ok: false, message: `The site could not be added: ${String(error)}` }))
      .finally(() => setBusy(false));
  };

  return (
    <form class="add-site" onSubmit={submit}>
      <label for="add-site-input">Add a site</label>
      <div class="add-site-row">
        <input
          id="add-site-input"
          type="text"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          placeholder="example.com"
          aria-describedby="add-site-hint add-site-status"
          value={value}
          onInput={(event) => setValue(event.currentTarget.value)}
        />
        <button type="submit" disabled={busy}>
          Add site
        </button>
      </div>
      <p class="hint" id="add-site-hint">
        The browser asks you to allow the extension to read that site; highlights appear there once you allow it.
      </p>
      <p id="add-site-status" role="status" class={result ? (result.ok ? 'status ok' : 'status error') : 'status'}>
        {result?.message ?? ''}
      </p>
    </form>
  );
}
