import { ACCESSIBLE_COLORS, colorName } from '../../data/palette';

interface Props {
  /** Radio group name, unique on the page. */
  name: string;
  /** What the colour is for ("Regions"), read out with the group. */
  label: string;
  defaultColor: string;
  /** The reader's choice, or undefined for the default colour. */
  override: string | undefined;
  onChange(color: string | null): void;
}

/**
 * A radio group of swatches: the default colour plus the accessible palette. Native radios, so
 * arrow keys move through the colours and screen readers announce each colour's name.
 */
export function ColorPicker({ name, label, defaultColor, override, onChange }: Props) {
  const options = [
    { name: `Default (${colorName(defaultColor)})`, color: defaultColor, value: null },
    ...ACCESSIBLE_COLORS.filter((c) => c.color !== defaultColor).map((c) => ({ ...c, value: c.color })),
  ];
  return (
    <fieldset class="color-picker">
      <legend>
        Colour <span class="visually-hidden">for {label}</span>
      </legend>
      <div class="swatches">
        {options.map((option) => (
          <label class="swatch-option" title={option.name} key={option.name}>
            <input
              type="radio"
              class="swatch-input"
              name={name}
              value={option.value ?? 'default'}
              aria-label={option.name}
              checked={(override ?? null) === option.value}
              onChange={() => onChange(option.value)}
            />
            <span class="swatch" style={{ backgroundColor: option.color }} aria-hidden="true" />
          </label>
        ))}
      </div>
    </fieldset>
  );
}
