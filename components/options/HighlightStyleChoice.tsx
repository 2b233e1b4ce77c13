import type { HighlightStyle } from '../../data/settings';

const CHOICES: { value: HighlightStyle; label: string; hint: string }[] = [
  { value: 'background', label: 'Background', hint: 'coloured background behind the word, dark text' },
  { value: 'underline', label: 'Underline', hint: 'coloured underline, the page keeps its own text colour' },
];

interface Props {
  value: HighlightStyle;
  onChange(style: HighlightStyle): void;
}

/** Background or underline highlights, as a native radio group. */
export function HighlightStyleChoice({ value, onChange }: Props) {
  return (
    <fieldset class="choice">
      <legend>Highlight style</legend>
      {CHOICES.map((choice) => (
        <div class="choice-option" key={choice.value}>
          <input
            type="radio"
            id={`style-${choice.value}`}
            name="highlight-style"
            value={choice.value}
            checked={value === choice.value}
            aria-describedby={`style-${choice.value}-hint`}
            onChange={() => onChange(choice.value)}
          />
          <label for={`style-${choice.value}`}>{choice.label}</label>{' '}
          <span class="hint" id={`style-${choice.value}-hint`}>
            ({choice.hint})
          </span>
        </div>
      ))}
    </fieldset>
  );
}
