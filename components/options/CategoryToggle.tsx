import type { HighlightStyle } from '../../data/settings';
import { ColorPicker } from './ColorPicker';
import { HighlightSample } from './HighlightSample';

interface Props {
  /** Settings key: "region", "city", "cluster" or a sector category id. */
  id: string;
  label: string;
  /** What the category covers, e.g. its sectors. */
  description?: string;
  checked: boolean;
  defaultColor: string;
  override: string | undefined;
  /** Underline style: the cue that does not rely on colour. */
  cue: string;
  /** Lined above as well as below (strategies). */
  over?: boolean;
  highlightStyle: HighlightStyle;
  onToggle(checked: boolean): void;
  onColor(color: string | null): void;
}

/** One kind of highlight: its switch, a sample of how it looks, and its colour choice. */
export function CategoryToggle(props: Props) {
  const { id, label, description, checked, defaultColor, override, cue, over, highlightStyle } = props;
  const inputId = `toggle-${id}`;
  return (
    <li class="category" data-category={id}>
      <div class="category-head">
        <input
          type="checkbox"
          role="switch"
          id={inputId}
          class="switch"
          checked={checked}
          aria-describedby={description ? `${inputId}-desc` : undefined}
          onChange={(event) => props.onToggle(event.currentTarget.checked)}
        />
        <label for={inputId} class="category-label">
          {label}
        </label>
        <HighlightSample color={override ?? defaultColor} cue={cue} {...(over ? { over } : {})} highlightStyle={highlightStyle} />
      </div>
      {description && (
        <p class="hint" id={`${inputId}-desc`}>
          {description}
        </p>
      )}
      <ColorPicker name={`color-${id}`} label={label} defaultColor={defaultColor} override={override} onChange={props.onColor} />
    </li>
  );
}
