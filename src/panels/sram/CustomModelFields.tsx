// Editable shape of a custom transformer (llm.custom.*), shown when the model is "custom":
// every field of the registry under llm.custom. with a control, in its order, drawn as its kind.
import { NumberField } from '../../ui/NumberField';
import { ToggleField } from '../../ui/ToggleField';
import { fieldsUnder } from '../../scenario/fields';
import { leafAt } from '../../scenario/schema';

const FIELDS = [...fieldsUnder('llm.custom.').values()].filter((f) => f.control !== undefined);
/** Optional shape features (MLA, sliding window, shared experts...): a blank box means the model has none. */
const isOptional = (path: string): boolean => leafAt(path)?.optional ?? false;
const TITLES: Partial<Record<string, string>> = {
  'llm.custom.paramsB': 'For display and checks only; bytes come from the shape',
};

export function CustomModelFields() {
  return (
    <div className="custom-model">
      {FIELDS.map((f) =>
        f.control === 'toggle' ? (
          <ToggleField key={f.path} path={f.path} />
        ) : (
          <NumberField
            key={f.path}
            path={f.path}
            title={TITLES[f.path]}
            {...(isOptional(f.path) ? { optional: true, placeholder: 'none' } : {})}
          />
        ),
      )}
    </div>
  );
}
