// A labelled checkbox bound to one boolean scenario field.
import { memo } from 'react';
import { useField } from './useField';
import { useStore } from '../store/store';
import { controlId } from '../scenario/keys';
import { controlLabel } from './labels';
import { controlKind, RENDERS } from './controlKinds';

interface Props {
  path: string;
}

// memo: a store change re-renders a control only when its own props or state change.
export const ToggleField = memo(function ToggleField({ path }: Props) {
  controlKind(path, RENDERS.ToggleField);
  const { value, error, hidden, locked } = useField<boolean>(path);
  if (hidden) return null;
  return (
    <div className={`field${error ? ' field-error' : ''}`} data-control={controlId(path)}>
      <label>
        <input
          type="checkbox"
          checked={value === true}
          disabled={locked}
          onChange={(e) => useStore.getState().setField(path, e.target.checked)}
        />{' '}
        {controlLabel(path)}
      </label>
      {error ? (
        <div className="field-message" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
});
