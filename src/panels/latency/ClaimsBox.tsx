// The talk's claims (00:18) next to what the model gives for the current scenario.
import type { MachineResult } from '../../engine/types';
import { checkClaims, TALK_CLAIMS } from './ratios';
import { sramFittedInputs } from '../../engine/llm/calibration';
import { HowToggle } from '../../ui/HowToggle';

const FITTED = sramFittedInputs();

const fmt = (x: number) => (x >= 10 ? x.toFixed(1) : x.toFixed(2));

export function ClaimsBox({ lpu, gpu }: { lpu: MachineResult; gpu: MachineResult }) {
  const c = checkClaims(lpu, gpu);
  return (
    <div className="claims" data-testid="claims">
      <div className="claim">
        <div className="label">
          Faster per user (tokens/s per user, SRAM-only ÷ GPU){' '}
          <HowToggle what="the speed-up" text="Modelled: SRAM-only tokens/s per user ÷ GPU tokens/s per user, for this scenario" />
        </div>
        <div className="value">
          <span data-testid="claim-speedup">{c ? `${fmt(c.speedupPerUser)}×` : '-'}</span>{' '}
          {c ? (
            <span className={`verdict ${c.speedupWithinClaim ? 'ok' : 'off'}`}>
              {c.speedupWithinClaim ? 'within' : c.speedupPerUser > TALK_CLAIMS.speedupMax ? 'above' : 'below'} the claim
            </span>
          ) : null}
        </div>
        <div className="talk">
          Talk (00:18): “typically five to 10x faster” ({TALK_CLAIMS.speedupMin}-{TALK_CLAIMS.speedupMax}×)
        </div>
      </div>
      <div className="claim">
        <div className="label">
          Cost per token (SRAM-only ÷ GPU){' '}
          <HowToggle
            what="the cost ratio"
            text="Modelled: SRAM-only cost per million tokens ÷ GPU cost per million tokens, for this scenario"
          />
        </div>
        <div className="value">
          <span data-testid="claim-cost">{c ? `${fmt(c.costRatio)}×` : '-'}</span>{' '}
          {c ? (
            <span className="muted small">
              {c.costRatio <= 1 ? `(= 1/${fmt(1 / c.costRatio)} of the GPU's)` : `(${fmt(c.costRatio)} times the GPU's)`}
            </span>
          ) : null}{' '}
          {c ? (
            <span className={`verdict ${c.costWithinClaim ? 'ok' : 'off'}`}>{c.costWithinClaim ? 'meets' : 'misses'} the claim</span>
          ) : null}
        </div>
        <div className="talk">Talk (00:19): “about 1/10 the cost versus a modern GPU per token” (0.1×)</div>
      </div>
      {!c ? <div className="muted small">A machine does not fit: the ratios need both.</div> : null}
      <div className="muted small" data-testid="claims-fitted">
        Fitted to the SRAM machine&apos;s own published speeds:{' '}
        {FITTED.map((f, i) => (
          <span key={f.field}>
            {i > 0 ? ', ' : ''}
            <code>{f.field}</code> = {f.value}
          </span>
        ))}{' '}
        (on {[...new Set(FITTED.flatMap((f) => f.cases))].join(', ')}; vendor claims and a benchmark of its service). The SRAM side of each
        ratio rests on them; the GPU side is fitted on independent benchmarks.
      </div>
      <div className="muted small">
        Try batch 1 vs 64, fp16 vs int8 weights, or a B200: the ratios move. Prices differ in kind (GPU: cloud rental; SRAM chip: amortised
        owner cost), see the chip-hour price source.
      </div>
    </div>
  );
}
