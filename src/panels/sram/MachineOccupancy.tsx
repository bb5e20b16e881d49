// Occupancy of one machine's chips: totals, a canvas strip of every chip, one bar per group of
// identical chips (with its count), and the bytes of the chip the user opens.
import { HowToggle } from '../../ui/HowToggle';
import { useMemo, useState } from 'react';
import type { MachineResult } from '../../engine/types';
import { formatBytes, formatPercent } from '../../ui/format';
import { fillAtToken, formatRanges, groupChips, phaseAt, totalsAtToken } from './occupancy';
import { ChipStrip } from './ChipStrip';
import { StackBar } from './StackBar';
import { ChipDetail } from './ChipDetail';

import type { MemoryNeed } from '../../engine/types';
import { MEMORY_PARTS } from './memoryParts';

interface Props {
  m: MachineResult;
  /** 'SRAM' or 'HBM': the memory the weights live in. */
  memory: string;
  token: number;
  prompt: number;
  output: number;
  testId: string;
  /** When the machine does not fit: the whole workload against the memory given. */
  need?: MemoryNeed | null;
  /** What one token adds to the KV cache, in words (the result's kvFormula). */
  kvFormula: string;
}

const MAX_GROUP_ROWS = 12;

export function MachineOccupancy({ m, memory, token, prompt, output, testId, need, kvFormula }: Props) {
  const [selected, setSelected] = useState<number | null>(null);
  const groups = useMemo(() => groupChips(m.occupancy), [m.occupancy]);
  const totals = totalsAtToken(m.occupancy, token, prompt, output);
  const sel = selected !== null && selected < m.occupancy.length ? selected : null;
  const selGroup = sel === null ? -1 : groups.findIndex((g) => g.indices.includes(sel));
  const used = totals.capacityBytes - totals.freeBytes;

  return (
    <section className="sram-machine" data-testid={testId} data-highlight={testId} aria-label={`${m.name} memory occupancy`}>
      <h3>{m.name}</h3>
      {!m.fits ? (
        <div className="no-fit" role="alert" data-testid={`${testId}-nofit`}>
          Does not fit: {m.message ?? `needs ${m.chipsNeeded} chips, has ${m.chips}`}
        </div>
      ) : null}
      <div className="summary">
        <strong data-testid={`${testId}-chips`}>{m.chips}</strong> {m.chips === 1 ? 'chip' : 'chips'}{' '}
        <span className="muted">
          (minimum that fits:{' '}
          <span data-testid={`${testId}-needed`}>{Number.isFinite(m.chipsNeeded) ? m.chipsNeeded : 'none, at any number of chips'}</span>
          {m.fits ? `; tensor parallel ${m.tensorParallel} × ${m.pipelineStages} pipeline stages` : ''})
        </span>
        {m.occupancy.length > 0 && m.occupancy.length !== m.chips ? (
          <span
            className="muted"
            title="The partitioner places weights on whole groups of chips; the rest of the system is idle for this model"
          >
            {' '}
            {m.occupancy.length} hold data, {m.chips - m.occupancy.length} idle.{' '}
            <HowToggle
              text="The partitioner places weights on whole groups of chips; the rest of the system is idle for this model"
              what="the idle chips"
              label="Why some chips are idle"
            />
          </span>
        ) : null}
        <br />
        {m.occupancy.length === 0 ? null : (
          <span title={`Sum over all ${m.occupancy.length} chips at token ${token}`}>
            {memory} in use {formatBytes(used)} of {formatBytes(totals.capacityBytes)} (
            {formatPercent(used / Math.max(1, totals.capacityBytes))}): weights {formatBytes(totals.weightsBytes)}, KV cache{' '}
            {formatBytes(totals.kvBytes)}, activations {formatBytes(totals.activationBytes)}{' '}
            <HowToggle text={`Sum over all ${m.occupancy.length} chips at token ${token}`} what={`${memory} in use`} />
          </span>
        )}
      </div>
      {m.occupancy.length > 0 ? (
        <>
          <div className="sram-legend" aria-hidden="true">
            {MEMORY_PARTS.map((p) => (
              <span key={p.part}>
                <i className={`sw ${p.swatch}`} />
                {p.label}
              </span>
            ))}
          </div>
          <ChipStrip
            occupancy={m.occupancy}
            token={token}
            prompt={prompt}
            output={output}
            selected={sel}
            onSelect={setSelected}
            label={`${m.name}, all chips`}
            chartId={`memory-per-chip-${testId.replace(/^occ-/, '')}`}
            chartName={`${memory} occupancy per chip: ${m.name}`}
            detail={`${m.name}: ${m.occupancy.length} chips holding data, one column each (bottom to top: weights, KV cache, activations) · at token ${token} of ${prompt + output} (${phaseAt(token, prompt)}) · ${memory} in use ${formatBytes(used)} of ${formatBytes(totals.capacityBytes)}`}
          />
          <div className="group-bars" role="group" aria-label="Groups of identical chips">
            {groups.slice(0, MAX_GROUP_ROWS).map((g, gi) => {
              const f = fillAtToken(g.sample, token, prompt, output);
              const usedG = f.capacityBytes - f.freeBytes;
              const count = g.indices.length === 1 ? `chip ${g.indices[0]}` : `${g.indices.length} chips alike`;
              const example = g.indices.length === 1 ? g.sample.label : `e.g. ${g.sample.label}`;
              return (
                <button
                  key={gi}
                  type="button"
                  className={`group-row${gi === selGroup ? ' selected' : ''}`}
                  data-testid={`${testId}-group`}
                  onClick={() => setSelected(g.indices[0])}
                  title={`Chips ${formatRanges(g.indices)}: identical bytes. Weights ${formatBytes(f.weightsBytes)}, KV cache ${formatBytes(f.kvBytes)} (at token ${token}), activations ${formatBytes(f.activationBytes)}, capacity ${formatBytes(f.capacityBytes)} per chip. Click for the exact bytes.`}
                >
                  <span className="gname">
                    <span className="gcount">{count}</span>
                    <span className="glabel">{example}</span>
                  </span>
                  <StackBar fill={f} />
                  <span className="gfill">
                    {formatBytes(usedG)} / {formatBytes(f.capacityBytes)}
                  </span>
                </button>
              );
            })}
            {groups.length > MAX_GROUP_ROWS ? (
              <div className="muted small">+{groups.length - MAX_GROUP_ROWS} more groups: click the strip above to open any chip.</div>
            ) : null}
          </div>
          {sel !== null ? (
            <ChipDetail
              occ={m.occupancy[sel]}
              index={sel}
              count={m.occupancy.length}
              token={token}
              prompt={prompt}
              output={output}
              memory={memory}
              onIndex={setSelected}
              testId={`${testId}-detail`}
            />
          ) : (
            <p className="muted small">Click a bar or a column of the strip to see one chip's exact bytes.</p>
          )}
        </>
      ) : need ? (
        <NeedBar
          need={need}
          memory={memory}
          chips={m.chips}
          token={token}
          prompt={prompt}
          output={output}
          testId={`${testId}-need`}
          kvFormula={kvFormula}
        />
      ) : (
        <p className="muted">No chips to show.</p>
      )}
    </section>
  );
}

/** The whole workload against the whole machine's memory, for a machine that does not fit. */
function NeedBar({
  need,
  memory,
  chips,
  token,
  prompt,
  output,
  testId,
  kvFormula,
}: {
  kvFormula: string;
  need: MemoryNeed;
  memory: string;
  chips: number;
  token: number;
  prompt: number;
  output: number;
  testId: string;
}) {
  const f = fillAtToken({ ...need, activationBytes: 0, label: '' }, token, prompt, output);
  const used = f.weightsBytes + f.kvBytes;
  return (
    <div data-testid={testId}>
      <p className="small">
        The whole model needs {formatBytes(f.weightsBytes)} of weights + {formatBytes(f.kvBytes)} of KV cache at token {token} ={' '}
        <strong>{formatBytes(used)}</strong>
        {/* chips = 0: no machine size was given and none fits, so there is no capacity to compare with */}
        {chips > 0 ? (
          <>
            ; {chips} chips hold {formatBytes(need.capacityBytes)} of {memory} ({formatPercent(used / Math.max(1, need.capacityBytes))} of
            it).
          </>
        ) : (
          '.'
        )}
        <HowToggle
          text={`Weights = parameters × bytes per weight; KV cache = tokens × batch × bytes per value × (${kvFormula}); activations left out`}
          what="the memory the model needs"
        />
      </p>
      <StackBar fill={f} />
    </div>
  );
}
