// Controls of the LLM-serving scenario (sram, interconnect and latency tabs): the model and
// workload, the SRAM-only system and the GPU baseline, each hardware figure overridable.
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store/store';
import { GPU_IDS, MODEL_IDS, PRECISIONS, TOPOLOGIES, type ModelSpec } from '../../scenario/types';
import { MODELS, resolveModel } from '../../engine/llm/models';
import { GPUS, LPU_CHIP, resolveGpu } from '../../engine/llm/hardware';
import { NumberField } from '../../ui/NumberField';
import { SelectField } from '../../ui/SelectField';
import { Section } from './Section';
import { OverrideField } from './OverrideField';
import { CustomModelFields } from './CustomModelFields';
import './sram.css';

const precisionOptions = PRECISIONS.map((p) => ({ value: p, label: p }));
const topologyOptions = TOPOLOGIES.map((t) => ({ value: t, label: t }));
const gpuOptions = GPU_IDS.map((g) => ({ value: g, label: GPUS[g].name }));

/** Chip figures a user may override, with units. */
const CHIP_FIELDS = [
  ['sramMB', 'SRAM per chip', 'MB'],
  // Peak compute and SRAM bandwidth below are quoted at the preset clock; the model scales
  // both by clock / preset clock (src/engine/llm/hardware.ts lpuClockScale).
  ['clockMHz', 'Clock', 'MHz'],
  ['tflopsFp16', 'Peak fp16', 'TFLOP/s'],
  ['topsInt8', 'Peak int8', 'TOP/s'],
  ['sramBandwidthTBps', 'SRAM bandwidth', 'TB/s'],
  ['linksPerChip', 'Links per chip', 'links'],
  ['linkBandwidthGBps', 'Link bandwidth (per direction)', 'GB/s'],
  ['hopLatencyUs', 'Hop latency', 'µs'],
  ['chipsPerNode', 'Chips per node', 'chips'],
  ['powerW', 'Power per chip', 'W'],
  ['priceUsdPerChipHour', 'Price per chip-hour', 'US$/h'],
  ['computeEfficiency', 'Compute efficiency', 'fraction of peak'],
  ['sramEfficiency', 'SRAM efficiency (fitted)', 'fraction of peak'],
] as const;

const GPU_FIELDS = [
  ['hbmGB', 'HBM per GPU', 'GB'],
  ['hbmBandwidthTBps', 'HBM bandwidth', 'TB/s'],
  ['hbmEfficiency', 'HBM efficiency', 'fraction of peak'],
  ['tflopsBf16', 'Peak bf16', 'TFLOP/s'],
  ['tflopsFp8', 'Peak fp8', 'TFLOP/s'],
  ['computeEfficiency', 'Compute efficiency', 'fraction of peak'],
  ['launchOverheadUsPerLayer', 'Launch overhead per layer', 'µs'],
  ['jitterCv', 'Jitter (CV of time per token)', 'fraction'],
  ['nvlinkGBps', 'NVLink (bidirectional)', 'GB/s'],
  ['nvlinkLatencyUs', 'NVLink latency', 'µs'],
  ['gpusPerNode', 'GPUs per NVLink domain', 'GPUs'],
  ['interNodeGBps', 'Inter-node per GPU', 'GB/s'],
  ['priceUsdPerHour', 'Price per GPU-hour', 'US$/h'],
  ['powerW', 'Power per GPU', 'W'],
] as const;

export function LlmControls() {
  return (
    <div className="llm-controls">
      <ModelSection />
      <Section title="Workload" id="workload">
        <NumberField path="llm.batch" label="Batch" unit="users" slider={{ min: 1, max: 256 }} title="Concurrent users (sequences) decoded together" />
        <NumberField path="llm.prompt" label="Prompt" unit="tokens" title="Input tokens per user, processed in the prefill" />
        <NumberField path="llm.output" label="Output" unit="tokens" title="Tokens generated per user, one per decode step" />
        <SelectField path="llm.weights" label="Weights precision" options={precisionOptions} title="Storage format of the weights: sets the bytes each chip must hold" />
        <SelectField path="llm.activations" label="Activations precision" options={precisionOptions} title="Format of activations and the math" />
        <SelectField path="llm.kv" label="KV cache precision" options={precisionOptions} title="Format of the cached keys and values" />
      </Section>
      <LpuSection />
      <GpuSection />
    </div>
  );
}

function ModelSection() {
  const { model, custom } = useStore(useShallow((s) => ({ model: s.scenario.llm.model, custom: s.scenario.llm.custom })));
  const locked = useStore((s) => s.scenario.classroom.locked);
  const spec = model === 'custom' ? custom : MODELS[model];

  const choose = (next: string) => {
    const st = useStore.getState();
    if (next === 'custom') {
      // Start the custom model from the current one, so the fields are sensible at once.
      const base: ModelSpec = resolveModel(st.scenario.llm);
      const seeded: ModelSpec = { ...base, id: 'custom', name: `Custom (from ${base.name})`.slice(0, 48), source: `User-entered; started from the shape of ${base.name}` };
      if (st.setField('llm.custom', seeded)) st.setField('llm.model', 'custom');
    } else {
      st.setField('llm.model', next);
    }
  };

  return (
    <Section title="Model" id="model">
      <div className="field" data-control="llm-model" title={spec?.source}>
        <label htmlFor="llm-model-select">Model</label>
        <select id="llm-model-select" value={model} disabled={locked} onChange={(e) => choose(e.target.value)}>
          {MODEL_IDS.map((m) => (
            <option key={m} value={m}>
              {MODELS[m].name}
            </option>
          ))}
          <option value="custom">Custom…</option>
        </select>
        {spec ? (
          <div className="muted small">
            {spec.paramsB} B parameters, {spec.layers} layers{spec.experts > 1 ? `, ${spec.experts} experts (${spec.activeExperts} active)` : ''}
          </div>
        ) : null}
      </div>
      {model === 'custom' ? <CustomModelFields /> : null}
    </Section>
  );
}

function LpuSection() {
  const r = useStore(useShallow((s) => ({ chips: s.llmResult?.lpu.chips, needed: s.llmResult?.lpu.chipsNeeded, used: s.llmResult?.lpu.occupancy.length })));
  const chipsSet = useStore((s) => s.scenario.lpu.chips);
  return (
    <>
      <Section title="SRAM-only system" id="lpu">
        <NumberField
          path="lpu.chips"
          label="Chips"
          unit="empty = minimum that fits"
          nullable
          placeholder={r.needed !== undefined && Number.isFinite(r.needed) ? `min ${r.needed}` : 'min'}
          title="Number of chips; leave empty to use the minimum whose SRAM holds the weights, KV cache and activations"
        />
        <div className="muted small" data-testid="lpu-chips-hint">
          {r.needed === undefined
            ? 'computing…'
            : !Number.isFinite(r.needed)
              ? 'Does not fit on any number of chips: see the message in the panel'
              : chipsSet === null
              ? `Using ${r.chips ?? r.needed} chips (minimum that fits: ${r.needed} chips${r.chips !== undefined && r.chips !== r.needed ? ', rounded up to whole nodes' : ''})`
              : `Minimum that fits: ${r.needed} chips (set: ${chipsSet})${r.used ? `; the layout uses ${r.used} of the ${chipsSet} chips given` : ''}`}
        </div>
        <SelectField path="lpu.topology" label="Topology" options={topologyOptions} title="Chip-to-chip network of the SRAM-only system" />
      </Section>
      <Section title={`Chip figures (${LPU_CHIP.name})`} id="lpu-overrides" open={false}>
        {CHIP_FIELDS.map(([f, label, unit]) => (
          <OverrideField key={f} system="lpu" field={f} label={label} unit={unit} preset={LPU_CHIP[f]} source={LPU_CHIP.sources[f]} />
        ))}
      </Section>
    </>
  );
}

function GpuSection() {
  const gpuId = useStore((s) => s.scenario.gpu.gpu);
  const r = useStore(useShallow((s) => ({ chips: s.llmResult?.gpu.chips, needed: s.llmResult?.gpu.chipsNeeded, tp: s.llmResult?.gpu.tensorParallel })));
  const gpusSet = useStore((s) => s.scenario.gpu.gpus);
  const preset = GPUS[gpuId] ?? resolveGpu({ gpu: gpuId, overrides: {} });
  return (
    <>
      <Section title="GPU baseline" id="gpu">
        <SelectField path="gpu.gpu" label="GPU" options={gpuOptions} title={preset.sources.hbmBandwidthTBps} />
        <NumberField
          path="gpu.gpus"
          label="GPUs"
          unit="empty = minimum that fits"
          nullable
          placeholder={r.needed !== undefined && Number.isFinite(r.needed) ? `min ${r.needed}` : 'min'}
          title="Number of GPUs; leave empty to use the minimum whose HBM holds the weights and KV cache"
        />
        <NumberField path="gpu.tp" label="Tensor parallel" unit="empty = choose" nullable placeholder={r.tp ? String(r.tp) : 'auto'} title="GPUs one layer is split across; empty lets the engine choose (up to a node)" />
        <div className="muted small" data-testid="gpu-chips-hint">
          {r.needed === undefined
            ? 'computing…'
            : !Number.isFinite(r.needed)
              ? 'Does not fit on any number of GPUs: see the message in the panel'
              : gpusSet === null
              ? `Using ${r.chips ?? r.needed} GPUs (minimum that fits: ${r.needed}), tensor parallel ${r.tp ?? '-'}`
              : `Minimum that fits: ${r.needed} GPUs (set: ${gpusSet}), tensor parallel ${r.tp ?? '-'}`}
        </div>
      </Section>
      <Section title={`GPU figures (${preset.name})`} id="gpu-overrides" open={false}>
        {GPU_FIELDS.map(([f, label, unit]) => (
          <OverrideField key={`${gpuId}-${f}`} system="gpu" field={f} label={label} unit={unit} preset={preset[f]} source={preset.sources[f]} />
        ))}
      </Section>
    </>
  );
}
