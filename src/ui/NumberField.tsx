// A labelled numeric control bound to one scenario field. Invalid text stays in the box
// with a message beside it naming the limit; the scenario keeps its last valid value.
import { useField } from './useField';
import { memo, useId, useState } from 'react';
import { useOnChange } from './useOnChange';
import { useStore } from '../store/store';
import { controlId } from '../scenario/keys';
import { controlLabel, controlUnit } from './labels';
import { describeRange, fieldAt } from '../scenario/fields';
import { HowToggle } from './HowToggle';
import { controlKind, RENDERS } from './controlKinds';

interface Props {
  /** Dotted scenario path, e.g. 'gemm.rows'; also the control's id for classroom hiding. */
  path: string;
  unit?: string;
  title?: string;
  /** Empty text means null (e.g. "chips: the minimum that fits"); off by default. */
  nullable?: boolean;
  /** Empty text means absent (an optional field, e.g. a custom model's MLA latent); off by default. */
  optional?: boolean;
  /** Shown in the empty box (e.g. what null resolves to). */
  placeholder?: string;
}

// memo: a store change re-renders a control only when its own props or state change.
export const NumberField = memo(function NumberField({ path, unit: givenUnit, title: givenTitle, nullable, optional, placeholder }: Props) {
  const id = useId();
  const label = controlLabel(path);
  // The kind (box, or box and slider), integer-ness and the accepted range are the registry's;
  // the unit too unless the caller says otherwise.
  const kind = controlKind(path, RENDERS.NumberField);
  const def = fieldAt(path);
  const range = def?.range;
  const unit = givenUnit ?? controlUnit(path);
  const decimal = range ? !range.integer : false;
  const slider = kind === 'slider' && range ? { min: range.min, max: def?.sliderMax ?? range.max } : null;
  const title = [givenTitle, range ? `Accepts ${describeRange(range)}.` : null].filter(Boolean).join(' ') || undefined;
  const { value, error, hidden, locked } = useField<number | null | undefined>(path);
  const setField = useStore((s) => s.setField);
  const [text, setText] = useState(value === null || value === undefined ? '' : String(value));

  // Follow external changes (preset, tour, link); and when the message goes away without a new
  // value (a preset, or a related field made the refusal stale), show the value in force
  // rather than the refused text.
  const shownValue = value === null || value === undefined ? '' : String(value);
  useOnChange(value, () => setText(shownValue));
  useOnChange(error, () => {
    if (!error) setText(shownValue);
  });

  if (hidden) return null;

  const commit = (raw: string) => {
    setText(raw);
    const trimmed = raw.trim();
    const parsed = Number(trimmed);
    if (nullable && trimmed === '') {
      setField(path, null);
      return;
    }
    if (optional && trimmed === '') {
      setField(path, undefined);
      return;
    }
    // Hand the schema whatever was typed; it names the problem (empty, non-integer, range).
    setField(path, trimmed !== '' && Number.isFinite(parsed) ? parsed : trimmed);
  };

  return (
    <div className={`field${error ? ' field-error' : ''}`} data-control={controlId(path)} title={title}>
      {/* the explanation is a "?" beside the label too: a title is reachable by mouse hover only */}
      <div className="field-head">
        <label htmlFor={id}>
          {label}
          {unit ? <span className="unit"> ({unit})</span> : null}
        </label>
        {title ? <HowToggle text={title} what={label.toLowerCase()} label={`What ${label} means`} /> : null}
      </div>
      <div className="field-inputs">
        <input
          id={id}
          type="text"
          inputMode={decimal ? 'decimal' : 'numeric'}
          value={text}
          placeholder={placeholder}
          disabled={locked}
          aria-invalid={!!error}
          aria-describedby={error ? `${id}-err` : undefined}
          onChange={(e) => commit(e.target.value)}
        />
        {slider ? (
          <input
            type="range"
            aria-label={`${label} slider`}
            min={slider.min}
            max={slider.max}
            step={decimal ? 'any' : 1}
            value={typeof value === 'number' ? value : slider.min}
            disabled={locked}
            onChange={(e) => commit(e.target.value)}
          />
        ) : null}
      </div>
      {error ? (
        <div className="field-message" id={`${id}-err`} role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
});

export { controlId } from '../scenario/keys';
