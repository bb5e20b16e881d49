// A labelled select bound to one scenario field.
import { useField } from './useField';
import { memo, useId } from 'react';
import { useStore } from '../store/store';
import { controlId } from './NumberField';
import { controlLabel } from './labels';
import { HowToggle } from './HowToggle';
import { controlKind, RENDERS } from './controlKinds';

interface Props {
  path: string;
  options: readonly { value: string; label: string }[];
  title?: string;
}

// memo: a store change re-renders a control only when its own props or state change.
export const SelectField = memo(function SelectField({ path, options, title }: Props) {
  controlKind(path, RENDERS.SelectField);
  const id = useId();
  const { value, error, hidden, locked } = useField<string>(path);
  const setField = useStore((s) => s.setField);
  if (hidden) return null;
  return (
    <div className={`field${error ? ' field-error' : ''}`} data-control={controlId(path)} title={title}>
      {/* the explanation is a "?" beside the label too: a title is reachable by mouse hover only */}
      <div className="field-head">
        <label htmlFor={id}>{controlLabel(path)}</label>
        {title ? <HowToggle text={title} what={controlLabel(path).toLowerCase()} label={`What ${controlLabel(path)} means`} /> : null}
      </div>
      <select id={id} value={value} disabled={locked} onChange={(e) => setField(path, e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? (
        <div className="field-message" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
});
