// The interconnect panel: the chip-to-chip network of either machine, its links coloured
// by utilisation, the timeline of one decode step, and where the step time goes.
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store/store';
import type { MachineResult } from '../../engine/types';
import { TopologyView } from './TopologyView';
import { Timeline } from './Timeline';
import { HandoffTimeline } from './HandoffTimeline';
import { NetworkSummaryView } from './NetworkSummaryView';
import './interconnect.css';
import { EngineError } from '../../ui/EngineError';
import { useNetworks } from './useNetworks';

type Machine = 'lpu' | 'gpu';

export function InterconnectPanel() {
  const [machine, setMachine] = useState<Machine>('lpu');
  const { result, status } = useStore(useShallow((s) => ({ result: s.llmResult, status: s.llmStatus })));
  const m: MachineResult | null = result ? result[machine] : null;
  // Links and events: in the result, or on their way from the worker (null meanwhile).
  const networks = useNetworks(result);
  const network = networks && !('error' in networks) ? networks[machine] : null;
  const busy = status === 'running' || (m !== null && m.network !== null && networks === null);

  return (
    <section className="panel ic-panel" data-panel="interconnect" id="panel-interconnect" aria-busy={busy}>
      <div className="ic-head">
        <h2>Interconnect</h2>
        <div className="ic-machine" role="radiogroup" aria-label="Machine">
          <MachineRadio
            value="lpu"
            current={machine}
            onPick={setMachine}
            label={result ? `SRAM-only system (${result.lpu.name})` : 'SRAM-only system'}
          />
          <MachineRadio value="gpu" current={machine} onPick={setMachine} label={result ? `GPU (${result.gpu.name})` : 'GPU'} />
        </div>
        <span className="muted ic-status" data-testid="ic-status" data-status={status}>
          {status === 'running' ? 'Simulating…' : status === 'error' ? '' : ''}
        </span>
      </div>
      <EngineError kind="llm" />
      {result?.disagg?.fits ? <HandoffTimeline pair={result.disagg} /> : null}
      {!m ? (
        <p className="muted">{status === 'running' ? 'Simulating the network…' : 'No result yet.'}</p>
      ) : !m.network ? (
        <p className="muted" data-testid="ic-no-network">
          {m.fits
            ? `${m.name}: ${m.chips} chip${m.chips > 1 ? 's' : ''}, no chip-to-chip network to simulate.`
            : `${m.name} does not fit: ${m.message ?? 'not enough memory.'}`}
        </p>
      ) : networks !== null && 'error' in networks ? (
        <p className="ic-error">Could not get the network's links and events from the engine: {networks.error}</p>
      ) : !network ? (
        <p className="muted">Simulating the network…</p>
      ) : (
        <>
          {!m.fits && m.message ? <p className="ic-error">{m.message}</p> : null}
          <NetworkSummaryView network={network} />
          <div className="ic-row">
            <TopologyView network={network} machineName={m.name} />
            <Explain machine={machine} m={m} />
          </div>
          <Timeline network={network} machineName={m.name} />
        </>
      )}
    </section>
  );
}

function MachineRadio(props: { value: Machine; current: Machine; onPick: (m: Machine) => void; label: string }) {
  const id = `ic-machine-${props.value}`;
  return (
    <label htmlFor={id} className={props.value === props.current ? 'ic-radio active' : 'ic-radio'}>
      <input
        id={id}
        type="radio"
        name="ic-machine"
        value={props.value}
        checked={props.value === props.current}
        onChange={() => props.onPick(props.value)}
      />
      {props.label}
    </label>
  );
}

function Explain({ machine, m }: { machine: Machine; m: MachineResult }) {
  return (
    <div className="ic-explain">
      <h3>What you are looking at</h3>
      {machine === 'lpu' ? (
        <p>
          {m.chips.toLocaleString()} SRAM-only chips: {m.tensorParallel}-way tensor parallel × {m.pipelineStages} pipeline stage
          {m.pipelineStages > 1 ? 's' : ''}. The compiler schedules every transfer ahead of time, so a decode step is the same every time:
          compute on each chip, then the activations cross the links (all-reduce within a stage, a hand-off to the next stage).
        </p>
      ) : (
        <p>
          {m.chips.toLocaleString()} GPUs: {m.tensorParallel}-way tensor parallel × {m.pipelineStages} pipeline stage
          {m.pipelineStages > 1 ? 's' : ''}. Within a node GPUs talk through the NVSwitch; between nodes through NICs and a network switch.
        </p>
      )}
      <p className="muted">
        Link colour shows how busy each link is over one decode step. The timeline below shows the same step: when the links are idle the
        chips are computing, and the critical path shows which of the two sets the token latency.
      </p>
    </div>
  );
}
