// Token position through one request (0..prompt+output) with its phase, and a play button
// that sweeps it. Local to the SRAM panel: it only re-colours the KV cache.
import { HowToggle } from '../../ui/HowToggle';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { phaseAt } from './occupancy';

interface Props {
  token: number;
  prompt: number;
  output: number;
  /** What one token adds to the cache (the result's kvFormula; null before the first result). */
  kv: { text: string; linear: boolean } | null;
  onToken(token: number): void;
}

const SWEEP_SECONDS = 6;

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export function TokenTimeline({ token, prompt, output, kv, onToken }: Props) {
  const total = prompt + output;
  const [playing, setPlaying] = useState(false);
  // The animation loop reads the latest position without restarting on every token.
  const tokenRef = useRef(token);
  useLayoutEffect(() => {
    tokenRef.current = token;
  }, [token]);

  useEffect(() => {
    if (!playing) return;
    const reduced = prefersReducedMotion();
    let raf = 0;
    let last = performance.now();
    let acc = 0;
    const tick = (now: number) => {
      acc += ((now - last) / 1000) * (total / SWEEP_SECONDS);
      last = now;
      // Reduced motion: move in tenths of the request instead of a smooth sweep.
      const stepMin = reduced ? Math.max(1, Math.round(total / 10)) : 1;
      if (acc >= stepMin) {
        const next = Math.min(total, tokenRef.current + Math.floor(acc));
        acc -= Math.floor(acc);
        onToken(next);
        if (next >= total) {
          setPlaying(false);
          return;
        }
      }
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [playing, total, onToken]);

  const phase = phaseAt(token, prompt);
  const play = () => {
    if (token >= total) onToken(0);
    setPlaying((p) => !p);
  };
  return (
    <div className="sram-timeline" data-testid="token-timeline">
      <button type="button" className="btn" onClick={play} aria-pressed={playing}>
        {playing ? 'Pause' : 'Play request'}
      </button>
      <label htmlFor="sram-token">
        Token position <span className="muted">(0..{total})</span>
      </label>
      <input id="sram-token" type="range" min={0} max={total} step={1} value={token} onChange={(e) => onToken(Number(e.target.value))} />
      <output htmlFor="sram-token" data-testid="token-value">
        {token} / {total} tokens
      </output>
      <span className={`phase-badge phase-${phase}`} data-testid="phase">
        {phase}
      </span>
      <HowToggle
        text={
          phase === 'prefill'
            ? 'Reading the prompt: the KV cache of the prompt is written'
            : `Generating: each new token appends its cache entry per layer per user${kv ? ` (${kv.text})` : ''}`
        }
        what={`the ${phase} phase`}
        label={`What ${phase} means`}
      />
      <div className="caption">
        KV cache shown at this position, interpolated linearly per token: from 0 to the engine's cache at the end of the prompt over
        positions 0..{prompt} (prefill), then to its cache at the end of the answer over {prompt}..{total} (decode).
        {kv
          ? kv.linear
            ? ` Every token adds the same bytes (${kv.text}, × batch × bytes per value), so the growth is linear.`
            : ` Each token adds ${kv.text}, × batch × bytes per value: once a window is full those layers stop growing, so between the engine's two points the line is an approximation.`
          : null}
      </div>
    </div>
  );
}
