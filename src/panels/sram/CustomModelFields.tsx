// Editable shape of a custom transformer (llm.custom.*), shown when the model is "custom".
import { useStore } from '../../store/store';
import { NumberField, controlId } from '../../ui/NumberField';
import { controlLabel } from '../../ui/labels';
import { fieldsUnder } from '../../scenario/fields';
import { leafAt } from '../../scenario/schema';

/** The shape's integer figures, in the registry's order (paramsB is shown apart, with decimals). */
const FIELDS = [...fieldsUnder('llm.custom.')].filter(([name, f]) => f.range?.integer && f.label !== undefined && name !== 'paramsB');
/** Optional shape features (MLA, sliding window, shared experts...): a blank box means the model has none. */
const isOptional = (path: string): boolean => leafAt(path)?.optional ?? false;

export function CustomModelFields() {
  const gated = useStore((s) => s.scenario.llm.custom?.gatedFfn ?? true);
  const locked = useStore((s) => s.scenario.classroom.locked);
  const gatedHidden = useStore((s) => s.scenario.classroom.hidden.includes(controlId('llm.custom.gatedFfn')));
  return (
    <div className="custom-model">
      {FIELDS.map(([name, f]) => (
        <NumberField key={name} path={f.path} {...(isOptional(f.path) ? { optional: true, placeholder: 'none' } : {})} />
      ))}
      <NumberField path="llm.custom.paramsB" decimal title="For display and checks only; bytes come from the shape above" />
      {gatedHidden ? null : (
        <div className="field" data-control={controlId('llm.custom.gatedFfn')}>
          <label>
            <input
              type="checkbox"
              checked={gated}
              disabled={locked}
              onChange={(e) => useStore.getState().setField('llm.custom.gatedFfn', e.target.checked)}
            />{' '}
            {controlLabel('llm.custom.gatedFfn')}
          </label>
        </div>
      )}
    </div>
  );
}
