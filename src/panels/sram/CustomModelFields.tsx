// Editable shape of a custom transformer (llm.custom.*), shown when the model is "custom".
import { useStore } from '../../store/store';
import { NumberField } from '../../ui/NumberField';

const FIELDS = [
  ['layers', 'Layers', 'layers'],
  ['hidden', 'Hidden size', 'dims'],
  ['heads', 'Attention heads', 'heads'],
  ['kvHeads', 'KV heads', 'heads'],
  ['headDim', 'Head dim', 'dims'],
  ['ffn', 'FFN size (one expert)', 'dims'],
  ['vocab', 'Vocabulary', 'tokens'],
  ['experts', 'Experts', 'experts'],
  ['activeExperts', 'Active experts', 'experts'],
] as const;

export function CustomModelFields() {
  const gated = useStore((s) => s.scenario.llm.custom?.gatedFfn ?? true);
  const locked = useStore((s) => s.scenario.classroom.locked);
  return (
    <div className="custom-model">
      {FIELDS.map(([f, label, unit]) => (
        <NumberField key={f} path={`llm.custom.${f}`} label={label} unit={unit} />
      ))}
      <NumberField path="llm.custom.paramsB" label="Published parameters" unit="billion" decimal title="For display and checks only; bytes come from the shape above" />
      <div className="field" data-control="llm-custom-gatedffn">
        <label>
          <input type="checkbox" checked={gated} disabled={locked} onChange={(e) => useStore.getState().setField('llm.custom.gatedFfn', e.target.checked)} /> Gated FFN (SwiGLU, 3
          matrices)
        </label>
      </div>
    </div>
  );
}
