// SRAM occupancy: where the model's bytes live on each machine (SRAM-only chips vs GPU HBM),
// and how the KV cache grows through one request.
import { useCallback, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store/store';
import { MachineOccupancy } from './MachineOccupancy';
import { TokenTimeline } from './TokenTimeline';
import './sram.css';
import { EngineError } from '../../ui/EngineError';
import { useOnChange } from '../../ui/useOnChange';

export function SramPanel() {
  const { result, status } = useStore(useShallow((s) => ({ result: s.llmResult, status: s.llmStatus })));
  // The request lengths the result on screen was computed for (the controls' until the first one).
  const controls = useStore(useShallow((s) => ({ prompt: s.scenario.llm.prompt, output: s.scenario.llm.output })));
  const { prompt, output } = result ? result.inputs.llm : controls;
  const [token, setToken] = useState(prompt + output);
  const onToken = useCallback((t: number) => setToken(t), []);

  // A new request length resets the position to the end of the answer (the worst case).
  useOnChange(`${prompt}/${output}`, () => setToken(prompt + output));

  return (
    <section className="panel sram-panel" data-panel="sram" id="panel-sram" data-status={status} aria-busy={status === 'running'}>
      <h2>
        Memory occupancy per chip <span className="muted small">{status === 'running' ? '(computing…)' : null}</span>
      </h2>
      <p className="caption">
        Each chip's memory split into weights, KV cache, activations and what is free. The SRAM-only machine must hold everything on chip,
        so the model is spread over many chips; the GPU keeps it in HBM on a few. Bytes are decimal (1 MB = 10⁶ B). Identical chips are
        grouped into one bar with their count; the strip shows every chip.
      </p>
      <EngineError kind="llm" />
      <TokenTimeline
        token={Math.min(token, prompt + output)}
        prompt={prompt}
        output={output}
        kv={result?.kvFormula ?? null}
        onToken={onToken}
      />
      {result ? (
        <div className="machines">
          <MachineOccupancy
            m={result.lpu}
            memory="SRAM"
            token={token}
            prompt={prompt}
            output={output}
            testId="occ-lpu"
            need={result.memoryNeed.lpu}
            kvFormula={result.kvFormula.text}
          />
          <MachineOccupancy
            m={result.gpu}
            memory="HBM"
            token={token}
            prompt={prompt}
            output={output}
            testId="occ-gpu"
            need={result.memoryNeed.gpu}
            kvFormula={result.kvFormula.text}
          />
        </div>
      ) : (
        <p className="muted">Waiting for the engine…</p>
      )}
    </section>
  );
}
