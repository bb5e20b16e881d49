// Playback controls: play/pause, step, scrub over every cycle, speed; Space / Left / Right
// / Home / End anywhere on the page except inside a text field. During a tour, Left/Right
// move the tour unless the array or this bar has focus (TourOverlay.tsx). Under
// prefers-reduced-motion, Play jumps to the last cycle instead of animating.
import { useEffect, useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store/store';
import { CYCLES_PER_SECOND, SPEEDS, clampCycle, keyAction, ownsKey } from './playback';
import { interpolates } from './transit';

function usePrefersReducedMotion(): boolean {
  const query = '(prefers-reduced-motion: reduce)';
  const [reduced, setReduced] = useState(() => typeof matchMedia === 'function' && matchMedia(query).matches);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const mq = matchMedia(query);
    const on = () => setReduced(mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  return reduced;
}

/** Runs one playback command against the store (shared by buttons and keys). */
function command(action: 'toggle' | 'back' | 'forward' | 'start' | 'end', total: number, reducedMotion: boolean): void {
  const st = useStore.getState();
  const cycle = clampCycle(st.scenario.view.cycle, total);
  switch (action) {
    case 'toggle':
      if (st.playing) st.setPlaying(false);
      else if (reducedMotion) st.setCycle(total);
      else {
        if (cycle >= total) st.setCycle(0); // play again from the start
        st.setPlaying(true);
      }
      return;
    case 'back':
      st.setPlaying(false);
      st.setCycle(Math.max(0, cycle - 1));
      return;
    case 'forward':
      st.setPlaying(false);
      st.setCycle(Math.min(total, cycle + 1));
      return;
    case 'start':
      st.setPlaying(false);
      st.setCycle(0);
      return;
    case 'end':
      st.setPlaying(false);
      st.setCycle(total);
      return;
  }
}

export function Transport({ total }: { total: number }) {
  const scrubId = useId();
  const speedId = useId();
  const reducedMotion = usePrefersReducedMotion();
  const { cycle, playing, speed, setCycle, setPlaying, setSpeed } = useStore(
    useShallow((s) => ({
      cycle: s.scenario.view.cycle,
      playing: s.playing,
      speed: s.speed,
      setCycle: s.setCycle,
      setPlaying: s.setPlaying,
      setSpeed: s.setSpeed,
    })),
  );
  const shown = clampCycle(cycle, total);
  const moving = playing && shown < total && interpolates(speed, reducedMotion);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      const action = keyAction(e.key);
      if (!action) return;
      const target = e.target instanceof Element ? e.target : null;
      if (ownsKey(target, action)) return;
      // Space on a focused button already clicks it, except on the tour box's buttons: during a
      // tour Space is the array's play/pause (preventing the default keeps Next from firing).
      if (action === 'toggle' && target?.closest('button, a, summary') && !target.closest('[data-tour-box]')) return;
      e.preventDefault();
      command(action, total, reducedMotion);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [total, reducedMotion]);

  // Leaving the panel stops playback (the loop that advances it is gone).
  useEffect(() => () => setPlaying(false), [setPlaying]);

  return (
    <div className="df-transport" role="group" aria-label="Playback" data-array-keys="">
      <button
        type="button"
        className="btn"
        onClick={() => command('start', total, reducedMotion)}
        title="First cycle (Home)"
        aria-label="First cycle"
      >
        « start
      </button>
      <button
        type="button"
        className="btn"
        data-testid="step-back"
        onClick={() => command('back', total, reducedMotion)}
        title="Step back one cycle (Left arrow)"
        aria-label="Step back"
      >
        ◀ step
      </button>
      <button
        type="button"
        className="btn primary df-play"
        data-testid="play"
        onClick={() => command('toggle', total, reducedMotion)}
        title={reducedMotion ? 'Reduced motion is on: jumps to the last cycle (Space)' : 'Play or pause (Space)'}
        aria-pressed={playing}
      >
        {playing ? '❚❚ pause' : reducedMotion ? 'jump to end »' : '▶ play'}
      </button>
      <button
        type="button"
        className="btn"
        data-testid="step-forward"
        onClick={() => command('forward', total, reducedMotion)}
        title="Step forward one cycle (Right arrow)"
        aria-label="Step forward"
      >
        step ▶
      </button>
      <button
        type="button"
        className="btn"
        data-testid="to-end"
        onClick={() => command('end', total, reducedMotion)}
        title="Last cycle (End)"
        aria-label="Last cycle"
      >
        end »
      </button>
      <label htmlFor={scrubId} className="df-scrub-label">
        cycle <b data-testid="current-cycle">{shown}</b>
        {/* Between cycles the values on screen are on their way from this cycle to the next. */}
        {moving ? <span data-testid="next-cycle"> → {shown + 1}</span> : null} of <span data-testid="total-cycles">{total}</span>
      </label>
      <input
        id={scrubId}
        className="df-scrub"
        data-testid="scrub"
        type="range"
        min={0}
        max={total}
        step={1}
        value={shown}
        onChange={(e) => {
          setPlaying(false);
          setCycle(clampCycle(Number(e.target.value), total));
        }}
        aria-valuetext={`cycle ${shown} of ${total}`}
      />
      <label htmlFor={speedId}>speed</label>
      <select
        id={speedId}
        value={speed}
        onChange={(e) => setSpeed(Number(e.target.value))}
        title={`1x = ${CYCLES_PER_SECOND} cycles per second`}
      >
        {SPEEDS.map((s) => (
          <option key={s} value={s}>
            {s}x
          </option>
        ))}
      </select>
    </div>
  );
}
