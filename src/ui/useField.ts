// How a control reads its field: one subscription per control (every store change runs each
// control's selector, and the sidebar has ~60 controls), compared shallowly.
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../store/store';
import { getIn } from '../store/path';
import { controlId } from '../scenario/keys';

interface FieldState<T> {
  value: T;
  /** The message beside the control: the last value typed was refused. */
  error: string | undefined;
  /** Hidden by the classroom settings. */
  hidden: boolean;
  locked: boolean;
}

export function useField<T>(path: string): FieldState<T> {
  const id = controlId(path);
  return useStore(
    useShallow((s) => ({
      value: getIn(s.scenario, path) as T,
      error: s.fieldErrors[path],
      hidden: s.scenario.classroom.hidden.includes(id),
      locked: s.scenario.classroom.locked,
    })),
  );
}
