interface Props {
  /** The checkbox's id; the hint is `${id}-hint`. */
  id: string;
  label: string;
  checked: boolean;
  /** What the switch does, shown under it and read with it. */
  hint: string;
  onChange(on: boolean): void;
}

/** One on/off setting of how highlights behave, with its hint. */
export function SwitchRow({ id, label, checked, hint, onChange }: Props) {
  return (
    <>
      <div class="row">
        <input
          type="checkbox"
          id={id}
          checked={checked}
          aria-describedby={`${id}-hint`}
          onChange={(event) => onChange(event.currentTarget.checked)}
        />
        <label for={id}>{label}</label>
      </div>
      <p class="hint" id={`${id}-hint`}>{hint}</p>
    </>
  );
}
