// The talk's claims (00:18) next to what the model gives for the current scenario.
import type { MachineResult } from '../../engine/types';
import { checkClaims, TALK_CLAIMS } from './ratios';
import { sramFittedInputs } from '../../engine/llm/calibration';
import { HowToggle } from '../../ui/HowToggle';
import { CHIPS } from '../../engine/llm/hardware';
import { CHIP_IDS, type ChipId } from '../../scenario/types';

/** Each chip's figures fitted on its own published speeds (fixed data: computed once). */
const FITTED = Object.fromEntries(CHIP_IDS.map((id) => [id, sramFittedInputs(id)])) as Record<ChipId, ReturnType<typeof sramFittedInputs>>;

const fmt = (x: number) => (x >= 10 ? x.toFixed(1) : x.toFixed(2));

export function ClaimsBox({ lpu, gpu, chip }: { lpu: MachineResult; gpu: MachineResult; chip: ChipId }) {
  const c = checkClaims(lpu, gpu);
  const fitted = FITTED[chip];
  const verdict = (x: number) => (x < TALK_CLAIMS.speedupMin ? 'below' : x > TALK_CLAIMS.speedupMax ? 'above' : 'within');
  return (
    <div className="claims" data-testid="claims">
      <div className="claim">
        <div className="label">
          Faster per user (tokens/s per user, SRAM-only ÷ GPU){' '}
          <HowToggle what="the speed-up" text="Modelled: SRAM-only tokens/s per user ÷ GPU tokens/s per user, for this scenario" />
        </div>
        <div className="value">
          <span data-testid="claim-speedup">{c ? `${fmt(c.plainSpeedupPerUser)}×` : '-'}</span>{' '}
          {c ? <span className={`verdict ${c.speedupWithinClaim ? 'ok' : 'off'}`}>{verdict(c.plainSpeedupPerUser)} the claim</span> : null}
        </div>
        {c?.speculative ? (
          <div className="small" data-testid="claim-speculative">
            With speculative decoding on (as set): <strong>{fmt(c.speedupPerUser)}×</strong>. The claim is judged without it, as the talk
            compares: “Apples to apples, like without using speculative decode and other things.” (00:18:30, Jonathan Ross)
          </div>
        ) : null}
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
        {fitted.length > 0 ? (
          <>
            Fitted to {CHIPS[chip].name}&apos;s own published speeds:{' '}
            {fitted.map((f, i) => (
              <span key={f.field}>
                {i > 0 ? ', ' : ''}
                <code>{f.field}</code> = {f.value}
              </span>
            ))}{' '}
            (on {[...new Set(fitted.flatMap((f) => f.cases))].join(', ')}; vendor claims and benchmarks of its service). The SRAM side of
            each ratio rests on them; the GPU side is fitted on independent benchmarks.
          </>
        ) : (
          <>
            No published speed of {CHIPS[chip].name} exists to fit on: its efficiencies and fixed time per layer are assumed (each
            figure&apos;s source says from where), so the SRAM side of each ratio is a projection.
          </>
        )}
      </div>
      <div className="muted small">
        Try batch 1 vs 64, fp16 vs int8 weights, or a B200: the ratios move. Prices differ in kind (GPU: cloud rental; SRAM chip: amortised
        owner cost), see the chip-hour price source.
      </div>
    </div>
  );
}
