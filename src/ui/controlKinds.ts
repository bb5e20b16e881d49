// Which component draws each kind of control the field registry declares (`control` in
// scenario/fields.ts), and the check each makes that the field it is given is of its kind.
import { fieldAt, type ControlKind } from '../scenario/fields';

export const RENDERS = {
  NumberField: ['number', 'slider'],
  SelectField: ['select'],
  ToggleField: ['toggle'],
  OverrideField: ['override'],
  /** The model menu of the LLM controls: a select that seeds a custom model from the current one. */
  ModelSelect: ['select'],
} as const satisfies Record<string, readonly ControlKind[]>;

/**
 * The registry's control kind for `path`; throws when a component that draws `renders` is given
 * a field of another kind (a programming error, like a control without a label).
 */
export function controlKind<K extends ControlKind>(path: string, renders: readonly K[]): K {
  const kind = fieldAt(path)?.control;
  if (kind === undefined || !(renders as readonly ControlKind[]).includes(kind))
    throw new Error(
      `${path}: the registry declares ${kind ? `a '${kind}' control` : 'no control'}, this component draws ${renders.join(' or ')}`,
    );
  return kind as K;
}
