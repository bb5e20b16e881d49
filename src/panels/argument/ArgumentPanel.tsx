// The first screen: the argument in one view. Both machines' speed per user, time per token,
// cost and energy for the scenario in the store, the talk's claims beside the model's verdicts,
// and the ways in (the guided tour, the other panels). Every number is the engine's.
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store/store';
import type { MachineResult } from '../../engine/types';
import type { PanelId } from '../../scenario/types';
import { SPEAKER_NAMES, TALK_DATE, TOURS } from '../../scenario/tours';
import { goToStep } from '../share/tourActions';
import { METRIC_ROWS } from '../latency/metricRows';
import { HowToggle } from '../../ui/HowToggle';
import { PANEL_TITLES } from '../../ui/labels';
import { claimVerdicts, headline, sizingNote } from './verdicts';
import { RatioBars, type RatioFigure } from './RatioBars';
import { EngineError } from '../../ui/EngineError';
import './argument.css';

/** The figures the argument rests on (talk, 00:18: tokens/s per user, tokens per dollar and per watt). */
const KEY_FIGURES = ['tpsUser', 'tpot', 'ttft', 'cost', 'joules'] as const;
const FIGURES = KEY_FIGURES.map((k) => {
  const row = METRIC_ROWS.find((r) => r.key === k);
  if (!row) throw new Error(`no metric row ${k}`);
  return row;
});
const row = (k: string) => FIGURES.find((f) => f.key === k)!;
const BARS: RatioFigure[] = [
  { row: row('tpsUser'), value: (m) => m.tokensPerSecondPerUser, better: 'higher' },
  { row: row('cost'), value: (m) => m.costPerMillionTokensUsd, better: 'lower' },
  { row: row('joules'), value: (m) => m.joulesPerToken, better: 'lower' },
];
const EXPLORE: PanelId[] = ['dataflow', 'sram', 'interconnect', 'latency'];

function MachineCard({ m, side }: { m: MachineResult; side: 'lpu' | 'gpu' }) {
  return (
    <div className={`arg-machine arg-${side}`} data-testid={`arg-machine-${side}`}>
      <h3>
        {side === 'lpu' ? 'SRAM-only, compiler-scheduled' : 'GPUs reading weights from HBM'}
        <span className="arg-system">
          {m.chips} × {m.name}
          {m.software && side === 'gpu' ? `, ${m.software}` : ''}
        </span>
      </h3>
      {m.fits ? (
        <dl className="arg-figures">
          {FIGURES.map((f) => (
            <div key={f.key} className={`arg-figure arg-${f.key}`}>
              <dt>
                {f.label} <HowToggle text={f.how} what={f.label.toLowerCase()} />
              </dt>
              <dd data-testid={`arg-${side}-${f.key}`}>{f.show(m)}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="no-fit" role="alert">
          Does not fit: {m.message ?? `needs ${m.chipsNeeded} chips`}
        </p>
      )}
    </div>
  );
}

export function ArgumentPanel() {
  const { result, status } = useStore(useShallow((s) => ({ result: s.llmResult, status: s.llmStatus })));
  // The workload the result on screen was computed for (the controls' until the first one).
  const controls = useStore(useShallow((s) => ({ llm: s.scenario.llm, lpu: s.scenario.lpu, gpu: s.scenario.gpu })));
  const inputs = result?.inputs ?? controls;
  const { llm } = inputs;
  const lpuChips = inputs.lpu.chips;
  const gpus = inputs.gpu.gpus;
  const setPanel = useStore((s) => s.setPanel);
  const tour = TOURS[0];
  return (
    <section
      className="panel argument-panel"
      data-panel="argument"
      id="panel-argument"
      data-status={status}
      aria-busy={status === 'running'}
    >
      <EngineError kind="llm" />
      {!result ? (
        status === 'error' ? null : (
          <p className="muted">Waiting for the engine…</p>
        )
      ) : (
        <>
          <h2 className="arg-headline" data-testid="arg-headline">
            {headline(result.lpu, result.gpu, llm.batch)}
          </h2>
          <p className="muted arg-scenario" data-testid="arg-scenario">
            {result.modelName}, {llm.batch === 1 ? 'one user' : `${llm.batch} users`}, {llm.weights} weights, {llm.prompt} tokens in and{' '}
            {llm.output} out; {sizingNote(result.lpu, result.gpu, lpuChips, gpus)}.{' '}
            <button type="button" className="linklike" onClick={() => setPanel('latency')}>
              Change the workload in {PANEL_TITLES.latency}
            </button>
          </p>
          <div className="arg-ways">
            <button type="button" className="btn primary arg-tour" data-testid="arg-start-tour" onClick={() => goToStep(tour.id, 0)}>
              Start the guided tour: {tour.title}
            </button>
            <span className="muted">or explore:</span>
            {EXPLORE.map((p) => (
              <button key={p} type="button" className="btn" onClick={() => setPanel(p)} data-testid={`arg-explore-${p}`}>
                {PANEL_TITLES[p]}
              </button>
            ))}
          </div>
          <div className="arg-grid">
            <MachineCard m={result.lpu} side="lpu" />
            <MachineCard m={result.gpu} side="gpu" />
            {result.lpu.fits && result.gpu.fits ? <RatioBars lpu={result.lpu} gpu={result.gpu} figures={BARS} /> : null}
            <div className="arg-claims" data-testid="arg-claims">
              <h3>The talk&apos;s claims ({TALK_DATE}) and what the model says</h3>
              <ul>
                {claimVerdicts(result.lpu, result.gpu).map((c) => (
                  <li key={c.id} data-testid={`arg-claim-${c.id}`} data-holds={c.holds === null ? 'n/a' : String(c.holds)}>
                    <q>{c.quote.text}</q>{' '}
                    <span className="muted small">
                      ({SPEAKER_NAMES[c.quote.speaker]}, {c.quote.timestamp})
                    </span>
                    <div className="arg-verdict">
                      {c.verdict ? (
                        <span className={c.holds === null ? '' : c.holds ? 'verdict ok' : 'verdict off'}>{c.verdict}</span>
                      ) : null}{' '}
                      <button type="button" className="linklike" onClick={() => goToStep(c.tour.id, c.tour.step)}>
                        {c.verdict ? 'See why' : 'Test it in its own setting'}
                      </button>
                    </div>
                  </li>
                ))}
              </ul>
            </div>
          </div>
        </>
      )}
    </section>
  );
}
