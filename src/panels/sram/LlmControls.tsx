// Controls of the LLM-serving scenario (sram, interconnect and latency tabs): the model and
// workload, the SRAM-only system and the GPU baseline, each hardware figure overridable.
import { HowToggle } from '../../ui/HowToggle';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store/store';
import {
  BATCHING_MODES,
  CHIP_IDS,
  SWEEP_MACHINES,
  GPU_IDS,
  MODEL_IDS,
  PRECISIONS,
  SPECULATION_MODES,
  DISAGG_MODES,
  STACK_IDS,
  TOPOLOGIES,
  type ModelSpec,
} from '../../scenario/types';
import { MODELS, resolveModel } from '../../engine/llm/models';
import { kvBytesPerToken, shapeSummary } from '../../engine/llm/workload';
import { formatBytes } from '../../ui/format';
import { CHIPS, GPUS, resolveGpu } from '../../engine/llm/hardware';
import { STACKS, stackTraits } from '../../engine/llm/stacks';
import { sourcingOf, sourcingText } from '../../engine/llm/sourcing';
import { NumberField } from '../../ui/NumberField';
import { SelectField } from '../../ui/SelectField';
import { controlLabel } from '../../ui/labels';
import { controlId } from '../../scenario/keys';
import { figureFields } from '../../scenario/fields';
import { controlKind, RENDERS } from '../../ui/controlKinds';
import { Section } from './Section';
import { OverrideField } from './OverrideField';
import { CustomModelFields } from './CustomModelFields';
import { MachineJson } from './MachineJson';
import { customIdentity } from '../../scenario/machineJson';
import './sram.css';

const precisionOptions = PRECISIONS.map((p) => ({ value: p, label: p }));
const topologyOptions = TOPOLOGIES.map((t) => ({ value: t, label: t }));
const chipOptions = CHIP_IDS.map((c) => ({ value: c, label: CHIPS[c].name }));
const gpuOptions = GPU_IDS.map((g) => ({ value: g, label: GPUS[g].name }));
const stackOptions = STACK_IDS.map((id) => ({ value: id, label: STACKS[id].name }));
const batchingOptions = BATCHING_MODES.map((b) => ({ value: b, label: b === 'static' ? 'static batch' : 'continuous (in-flight)' }));
const SPECULATION_LABELS: Record<(typeof SPECULATION_MODES)[number], string> = {
  off: 'off (plain decoding)',
  draft: 'draft model',
  mtp: 'prediction head (MTP / EAGLE, one layer)',
};
const speculationOptions = SPECULATION_MODES.map((m) => ({ value: m, label: SPECULATION_LABELS[m] }));
const draftOptions = MODEL_IDS.map((id) => ({ value: id, label: MODELS[id].name }));
const sweepMachineOptions = SWEEP_MACHINES.map((v) => ({
  value: v,
  label: v === 'fixed' ? 'this machine at every batch' : 'minimum machine per batch',
}));

/** Figures a user may override, in the registry's order (label, unit and range from there). */
const CHIP_FIELDS = figureFields('lpu').filter((f) => f.control === 'override');
const GPU_FIELDS = figureFields('gpu').filter((f) => f.control === 'override');
/** How each preset's figures are sourced (the hardware figures only; stack figures are the stack's). */
const chipSourcing = (id: (typeof CHIP_IDS)[number]) =>
  sourcingText(
    CHIPS[id].name,
    sourcingOf(
      id,
      CHIPS[id].sources,
      CHIP_FIELDS.map((f) => f.name),
    ),
  );
const GPU_HARDWARE_FIELDS = GPU_FIELDS.map((f) => f.name).filter((n) => n in GPUS['h100-sxm']);
const gpuSourcing = (id: (typeof GPU_IDS)[number]) => sourcingText(GPUS[id].name, sourcingOf(id, GPUS[id].sources, GPU_HARDWARE_FIELDS));
/** A preset's figure and its source by the field's name (every overridable figure is a number). */
const presetOf = (spec: { sources: Partial<Record<string, string>> }, name: string) => ({
  preset: (spec as unknown as Record<string, number>)[name],
  source: spec.sources[name],
});

export function LlmControls() {
  return (
    <div className="llm-controls">
      <ModelSection />
      <Section title="Workload" id="workload">
        <NumberField path="llm.batch" title="Concurrent users (sequences) decoded together" />
        <SelectField
          path="llm.batching"
          options={batchingOptions}
          title="static: the batch starts and ends together (static-batch benchmarks); continuous: batch = concurrent requests, each user sends the next when its answer ends, and other users' prefills stall the decode steps"
        />
        <SelectField
          path="llm.sweepMachine"
          options={sweepMachineOptions}
          title="The batch sweep (Latency & cost) either keeps this scenario's machine at every batch (batches whose KV cache does not fit are left out) or re-chooses the minimum machine for each batch"
        />
        <NumberField path="llm.prompt" title="Input tokens per user, processed in the prefill" />
        <NumberField path="llm.output" title="Tokens generated per user, one per decode step" />
        <SelectField
          path="llm.weights"
          options={precisionOptions}
          title="Storage format of the weights: sets the bytes each chip must hold"
        />
        <SelectField path="llm.activations" options={precisionOptions} title="Format of activations and the math" />
        <SelectField path="llm.kv" options={precisionOptions} title="Format of the cached keys and values" />
      </Section>
      <SpeculationSection />
      <DisaggSection />
      <LpuSection />
      <GpuSection />
    </div>
  );
}

function ModelSection() {
  controlKind('llm.model', RENDERS.ModelSelect);
  const { model, custom } = useStore(useShallow((s) => ({ model: s.scenario.llm.model, custom: s.scenario.llm.custom })));
  const locked = useStore((s) => s.scenario.classroom.locked);
  const hidden = useStore((s) => s.scenario.classroom.hidden.includes(controlId('llm.model')));
  const spec = model === 'custom' ? custom : MODELS[model];
  const kv = useStore((s) => s.scenario.llm.kv);

  const choose = (next: string) => {
    const st = useStore.getState();
    if (next === 'custom') {
      // Start the custom model from the current one, so the fields are sensible at once.
      const base: ModelSpec = resolveModel(st.scenario.llm);
      const seeded: ModelSpec = { ...base, ...customIdentity(base, base) };
      if (st.setField('llm.custom', seeded)) st.setField('llm.model', 'custom');
    } else {
      st.setField('llm.model', next);
    }
  };

  return (
    <Section title="Model" id="model">
      {hidden ? null : (
        <div className="field" data-control={controlId('llm.model')} title={spec?.source}>
          <div className="field-head">
            <label htmlFor="llm-model-select">{controlLabel('llm.model')}</label>
            {spec?.source ? <HowToggle text={spec.source} what="the model" label="Where the model's figures come from" /> : null}
          </div>
          <select id="llm-model-select" value={model} disabled={locked} onChange={(e) => choose(e.target.value)}>
            {MODEL_IDS.map((m) => (
              <option key={m} value={m}>
                {MODELS[m].name}
              </option>
            ))}
            <option value="custom">Custom…</option>
          </select>
          {spec ? (
            <div className="muted small" data-testid="model-shape">
              {spec.paramsB} B parameters, {spec.layers} layers; {shapeSummary(spec)}; KV cache {formatBytes(kvBytesPerToken(spec, { kv }))}{' '}
              per token at {kv}
              {spec.slidingWindow ? ' (within the window)' : ''}
            </div>
          ) : null}
        </div>
      )}
      {hidden ? null : <MachineJson what="model" />}
      {model === 'custom' ? <CustomModelFields /> : null}
    </Section>
  );
}

function SpeculationSection() {
  const mode = useStore((s) => s.scenario.llm.speculative.mode);
  const r = useStore(useShallow((s) => ({ lpu: s.llmResult?.lpu, gpu: s.llmResult?.gpu })));
  return (
    <Section title="Speculative decoding" id="speculative" open={mode !== 'off'}>
      <SelectField
        path="llm.speculative.mode"
        options={speculationOptions}
        title="Each step drafts k tokens cheaply and the model checks them all in one pass; each draft token is kept with the acceptance rate, until the first one rejected. The talk compares without it (00:18, 'apples to apples')"
      />
      {mode === 'draft' ? <SelectField path="llm.speculative.draft" options={draftOptions} /> : null}
      {mode !== 'off' ? (
        <>
          <NumberField path="llm.speculative.k" title="Draft tokens proposed per step (vLLM's examples use 3-7)" />
          <NumberField
            path="llm.speculative.accept"
            title="Chance each draft token is accepted, given the ones before it were. Published: DeepSeek-V3's MTP module 85-90% (its report); draft models 40-80% by task; an EAGLE-3 head for Llama 4 Maverick keeps 2.4-3.1 tokens per step of 3 drafted"
          />
          <div className="muted small" data-testid="speculation-result">
            {[r.lpu, r.gpu].map((m) =>
              m?.speculation ? (
                <div key={m.machine}>
                  {m.name}: {m.speculation.tokensPerStep.toFixed(2)} tokens per step; {m.speculation.draftMs.toFixed(2)} ms drafting +{' '}
                  {m.speculation.verifyMs.toFixed(2)} ms checking per step = {m.tpotMs.toFixed(2)} ms per token (plain:{' '}
                  {m.speculation.plainTpotMs.toFixed(2)} ms)
                  {m.speculation.draftChips > 0
                    ? `; ${m.speculation.draftChips} more chips hold the drafter`
                    : '; the drafter shares its GPUs'}
                  .
                </div>
              ) : null,
            )}
          </div>
        </>
      ) : null}
    </Section>
  );
}

/** Disaggregated serving: the scenario's two machines as one pair, prefill on one, decode on the other. */
function DisaggSection() {
  const mode = useStore((s) => s.scenario.llm.disagg);
  const chipName = useStore((s) => CHIPS[s.scenario.lpu.chip].name);
  const gpuName = useStore((s) => GPUS[s.scenario.gpu.gpu].name);
  const pair = useStore((s) => s.llmResult?.disagg ?? null);
  const label: Record<(typeof DISAGG_MODES)[number], string> = {
    off: 'each machine alone',
    'gpu-to-sram': `${gpuName} prefills, ${chipName} decodes`,
    'sram-to-gpu': `${chipName} prefills, ${gpuName} decodes`,
  };
  return (
    <Section title="Disaggregated serving" id="disagg" open={mode !== 'off'}>
      <SelectField
        path="llm.disagg"
        options={DISAGG_MODES.map((m) => ({ value: m, label: label[m] }))}
        title="One machine computes the prompts (prefill), the other generates the answers (decode); the prompts' KV cache moves between them over the smaller of the first's way out and the second's way in"
      />
      {mode !== 'off' && pair ? (
        pair.fits ? (
          <div className="muted small" data-testid="disagg-result">
            KV cache {formatBytes(pair.kvBytes)} over {pair.linkGBps.toLocaleString('en-US', { maximumFractionDigits: 1 })} GB/s:{' '}
            {pair.transferMs.toFixed(2)} ms; time to first token {pair.prefillMs.toFixed(1)} + {pair.transferMs.toFixed(2)} ={' '}
            {pair.ttftMs.toFixed(1)} ms, then {pair.tpotMs.toFixed(2)} ms per token.
          </div>
        ) : (
          <div className="field-message" role="alert" data-testid="disagg-problem">
            {pair.message}
          </div>
        )
      ) : null}
    </Section>
  );
}

function LpuSection() {
  const r = useStore(
    useShallow((s) => ({
      chips: s.llmResult?.lpu.chips,
      needed: s.llmResult?.lpu.chipsNeeded,
      used: s.llmResult?.lpu.occupancy.length,
      tp: s.llmResult?.lpu.tensorParallel,
      stages: s.llmResult?.lpu.pipelineStages,
      fits: s.llmResult?.lpu.fits,
    })),
  );
  const chipsSet = useStore((s) => s.scenario.lpu.chips);
  const chipId = useStore((s) => s.scenario.lpu.chip);
  const chip = CHIPS[chipId];
  // The hint belongs to the chips control: hidden with it.
  const hintHidden = useStore((s) => s.scenario.classroom.hidden.includes(controlId('lpu.chips')));
  return (
    <>
      <Section title="SRAM-only system" id="lpu">
        <SelectField path="lpu.chip" options={chipOptions} title={chip.sources.sramBandwidthTBps} />
        <div className="muted small" data-testid="lpu-sourcing">
          {chipSourcing(chipId)}
        </div>
        <NumberField
          path="lpu.chips"
          unit="empty = minimum that fits"
          nullable
          placeholder={r.needed !== undefined && Number.isFinite(r.needed) ? `min ${r.needed}` : 'min'}
          title="Number of chips; leave empty to use the minimum whose SRAM holds the weights, KV cache and activations"
        />
        <div className="muted small" data-testid="lpu-chips-hint" hidden={hintHidden}>
          {r.needed === undefined
            ? 'computing…'
            : !Number.isFinite(r.needed)
              ? 'Does not fit on any number of chips: see the message in the panel'
              : chipsSet === null
                ? r.chips !== undefined && r.chips < r.needed
                  ? `Using ${r.chips} chips: fewer than the ${r.needed} that fit with each layer inside one node, because the cheapest layout splits each layer across nodes`
                  : `Using ${r.chips ?? r.needed} chips (minimum that fits: ${r.needed} chips${r.chips !== undefined && r.chips !== r.needed ? ', rounded up to whole nodes' : ''})`
                : `Minimum that fits: ${r.needed} chips (set: ${chipsSet})${r.used ? `; the layout uses ${r.used} of the ${chipsSet} chips given` : ''}`}
        </div>
        {r.fits && r.tp && r.stages && r.used ? (
          <div className="muted small" data-testid="lpu-layout" hidden={hintHidden}>
            Layout: each layer split over {r.tp} chips, {r.stages} pipeline stages, {r.used - r.tp * r.stages} chips for the embedding and
            output head.{' '}
            {chipsSet === null
              ? 'Chosen among the layouts that fit in up to a quarter more chips than the minimum: the lowest chip-time per token (cost per token).'
              : 'Chosen among the layouts that fit in the chips given: the shortest time per token (closed form), fewer chips on a tie.'}
          </div>
        ) : null}
        <SelectField path="lpu.topology" options={topologyOptions} title="Chip-to-chip network of the SRAM-only system" />
      </Section>
      <Section title={`Chip figures (${chip.name})`} id="lpu-overrides" open={false}>
        <MachineJson what="lpu" />
        {CHIP_FIELDS.map(({ name, unit }) => (
          <OverrideField key={`${chipId}-${name}`} system="lpu" field={name} unit={unit ?? ''} {...presetOf(chip, name)} />
        ))}
      </Section>
    </>
  );
}

function GpuSection() {
  const gpuId = useStore((s) => s.scenario.gpu.gpu);
  const r = useStore(
    useShallow((s) => ({ chips: s.llmResult?.gpu.chips, needed: s.llmResult?.gpu.chipsNeeded, tp: s.llmResult?.gpu.tensorParallel })),
  );
  const gpusSet = useStore((s) => s.scenario.gpu.gpus);
  const hintHidden = useStore((s) => s.scenario.classroom.hidden.includes(controlId('gpu.gpus')));
  const stack = useStore((s) => s.scenario.gpu.stack);
  const preset = resolveGpu({ gpu: gpuId, overrides: {}, stack });
  return (
    <>
      <Section title="GPU baseline" id="gpu">
        <SelectField path="gpu.gpu" options={gpuOptions} title={preset.sources.hbmBandwidthTBps} />
        <div className="muted small" data-testid="gpu-sourcing">
          {gpuSourcing(gpuId)}
        </div>
        <SelectField
          path="gpu.stack"
          options={stackOptions}
          title="The software the GPU figures assume: its all-reduce, launch gaps, per-request time and weight-only kernels (src/engine/llm/stacks.ts)"
        />
        <div className="muted small stack-traits" data-testid="stack-traits">
          {stackTraits(STACKS[stack]).map((t, i) => (
            <span key={t.text} title={t.source}>
              {i > 0 ? '; ' : ''}
              {t.text}
              {t.source ? <HowToggle text={t.source} what={t.text} label={`Source: ${t.text}`} /> : null}
            </span>
          ))}
        </div>
        <NumberField
          path="gpu.gpus"
          unit="empty = minimum that fits"
          nullable
          placeholder={r.needed !== undefined && Number.isFinite(r.needed) ? `min ${r.needed}` : 'min'}
          title="Number of GPUs; leave empty to use the minimum whose HBM holds the weights and KV cache"
        />
        <NumberField
          path="gpu.tp"
          unit="empty = choose"
          nullable
          placeholder={r.tp ? String(r.tp) : 'auto'}
          title="GPUs one layer is split across; empty lets the engine choose (up to a node)"
        />
        <div className="muted small" data-testid="gpu-chips-hint" hidden={hintHidden}>
          {r.needed === undefined
            ? 'computing…'
            : !Number.isFinite(r.needed)
              ? 'Does not fit on any number of GPUs: see the message in the panel'
              : gpusSet === null
                ? `Using ${r.chips ?? r.needed} GPUs (minimum that fits: ${r.needed}), tensor parallel ${r.tp ?? '-'}`
                : `Minimum that fits: ${r.needed} GPUs (set: ${gpusSet}), tensor parallel ${r.tp ?? '-'}`}
        </div>
      </Section>
      <Section title={`GPU figures (${preset.name}, ${STACKS[stack].name.split(' (')[0]})`} id="gpu-overrides" open={false}>
        <MachineJson what="gpu" />
        {GPU_FIELDS.map(({ name, unit }) => (
          <OverrideField key={`${gpuId}-${stack}-${name}`} system="gpu" field={name} unit={unit ?? ''} {...presetOf(preset, name)} />
        ))}
      </Section>
    </>
  );
}
