// A labelled select bound to one scenario field.
import { useId } from 'react';
import { useStore } from '../store/store';
import { getIn } from '../store/path';
import { controlId } from './NumberField';
import { controlLabel } from './labels';
import { HowToggle } from './HowToggle';

interface Props {
  path: string;
  options: readonly { value: string; label: string }[];
  title?: string;
}

export function SelectField({ path, options, title }: Props) {
  const id = useId();
  const value = useStore((s) => getIn(s.scenario, path)) as string;
  const error = useStore((s) => s.fieldErrors[path]);
  const setField = useStore((s) => s.setField);
  const hidden = useStore((s) => s.scenario.classroom.hidden.includes(controlId(path)));
  const locked = useStore((s) => s.scenario.classroom.locked);
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
}
