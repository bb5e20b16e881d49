// A numeric override of one preset hardware figure (path `lpu.overrides.X` / `gpu.overrides.X`).
// Empty box = the preset value (shown as placeholder, with its source as the tooltip);
// the reset button drops the override.
import { useField } from '../../ui/useField';
import { memo, useId, useState } from 'react';
import { useOnChange } from '../../ui/useOnChange';
import { useStore } from '../../store/store';
import { getIn, setIn } from '../../store/path';
import { controlId } from '../../ui/NumberField';
import { controlLabel } from '../../ui/labels';
import { HowToggle } from '../../ui/HowToggle';
import { describeRange, fieldAt } from '../../scenario/fields';
import { controlKind, RENDERS } from '../../ui/controlKinds';

interface Props {
  system: 'lpu' | 'gpu';
  field: string;
  unit: string;
  preset: number;
  source: string | undefined;
}

// memo: a store change re-renders a control only when its own props or state change.
export const OverrideField = memo(function OverrideField({ system, field, unit, preset, source }: Props) {
  const id = useId();
  const path = `${system}.overrides.${field}`;
  controlKind(path, RENDERS.OverrideField);
  const label = controlLabel(path);
  const { value, error, hidden, locked } = useField<number | undefined>(path);
  const [text, setText] = useState(value === undefined ? '' : String(value));

  // Follow a new value; and when the message goes away without one (a preset, a reset), show
  // the value in force.
  const shownValue = value === undefined ? '' : String(value);
  useOnChange(value, () => setText(shownValue));
  useOnChange(error, () => {
    if (!error) setText(shownValue);
  });

  if (hidden) return null;

  const reset = () => {
    // Removing an override is always valid, so it bypasses field validation.
    const st = useStore.getState();
    if (st.scenario.classroom.locked) return;
    const overrides = { ...(getIn(st.scenario, `${system}.overrides`) as Record<string, unknown>) };
    delete overrides[field];
    const fieldErrors = { ...st.fieldErrors };
    delete fieldErrors[path];
    useStore.setState({ scenario: setIn(st.scenario, `${system}.overrides`, overrides), fieldErrors });
    setText('');
  };

  const commit = (raw: string) => {
    setText(raw);
    const trimmed = raw.trim();
    if (trimmed === '') return reset();
    const parsed = Number(trimmed);
    useStore.getState().setField(path, Number.isFinite(parsed) ? parsed : trimmed);
  };

  const overridden = value !== undefined;
  const range = fieldAt(path)?.range;
  const tip = `Preset: ${preset} ${unit}. Source: ${source ?? 'not given'}.${range ? ` Accepts ${describeRange(range)}.` : ''}`;
  return (
    <div
      className={`field override${error ? ' field-error' : ''}${overridden ? ' overridden' : ''}`}
      data-control={controlId(path)}
      title={tip}
    >
      {/* the preset and its source are a "?" beside the label too: a title is reachable by mouse hover only */}
      <div className="field-head">
        <label htmlFor={id}>
          {label} <span className="unit">({unit})</span>
        </label>
        <HowToggle text={tip} what={label.toLowerCase()} label={`Where the preset ${label} comes from`} />
      </div>
      <div className="field-inputs">
        <input
          id={id}
          type="text"
          inputMode="decimal"
          value={text}
          placeholder={String(preset)}
          disabled={locked}
          aria-invalid={!!error}
          aria-describedby={`${id}-preset`}
          onChange={(e) => commit(e.target.value)}
        />
        <button
          type="button"
          className="btn reset"
          onClick={reset}
          disabled={!overridden || locked}
          aria-label={`Reset ${label} to the preset`}
          title="Reset to the preset value"
        >
          ↺
        </button>
      </div>
      <div className="override-preset muted" id={`${id}-preset`}>
        {overridden ? `overrides preset ${preset} ${unit}` : `preset ${preset} ${unit}`}
      </div>
      {error ? (
        <div className="field-message" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
});
