// The animated array: a canvas redrawn from trace windows in a requestAnimationFrame loop
// that reads the store with getState() (no React re-render per frame). Live SRAM counters
// and the PE tooltip are written straight into their DOM nodes by the same loop.
import { HowToggle } from '../../ui/HowToggle';
import { useEffect, useRef } from 'react';
import { useStore } from '../../store/store';
import { callEngine } from '../../worker/client';
import type { GemmScenario } from '../../scenario/types';
import type { GemmResult } from '../../engine/types';
import { arrayGeometry, peAt, peCentre, preferredHeight, queueDepth, stepPe, type ArrayGeometry } from './geometry';
import { flowRoles } from './flowRoles';
import { TraceCache, windowLength } from './traceCache';
import { advance, clampCycle, traceIndex } from './playback';
import { drawArray } from './drawArray';
import { formatCount } from '../../ui/format';
import { arraySvg } from './arraySvg';
import { legendItems, rgb } from './legendItems';
import { setChartSource } from '../share/chartSource';
import { interpolates } from './transit';
import { MIN_TEXT_PX, PRESENTER_MIN_TEXT_PX } from '../../ui/presenterLimits';
import { gemmLine } from '../share/scenarioLine';

interface Props {
  gemm: GemmScenario;
  result: GemmResult;
}

const fetchTrace = (g: GemmScenario, start: number, count: number) => callEngine('systolic', (e) => e.trace(g, start, count));

const COUNTERS = [
  {
    key: 'ifmapReads',
    label: 'ifmap (A) reads',
    title: 'Operand elements of A read from the ifmap SRAM up to the end of this cycle (cumulative, from the trace).',
  },
  {
    key: 'filterReads',
    label: 'filter (B) reads',
    title: 'Operand elements of B read from the filter SRAM up to the end of this cycle (cumulative, from the trace).',
  },
  {
    key: 'ofmapWrites',
    label: 'ofmap writes',
    title: 'Output or partial-sum elements written to the ofmap SRAM up to the end of this cycle (cumulative, from the trace).',
  },
  {
    key: 'ofmapReads',
    label: 'ofmap reads',
    title: 'Partial sums read back from the ofmap SRAM to keep accumulating across folds of K, up to the end of this cycle (cumulative).',
  },
] as const;

export function ArrayCanvas({ gemm, result }: Props) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const tipRef = useRef<HTMLDivElement>(null);
  const counterRefs = useRef<(HTMLElement | null)[]>([]);
  const foldRef = useRef<HTMLElement>(null);
  const statusRef = useRef<HTMLElement>(null);
  const valuesNoteRef = useRef<HTMLParagraphElement>(null);
  const presenter = useStore((s) => s.scenario.view.presenter);

  useEffect(() => {
    const canvas = canvasRef.current;
    const wrap = wrapRef.current;
    const tip = tipRef.current;
    if (!canvas || !wrap || !tip) return;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const roles = flowRoles(result.dataflow);
    const total = result.cycles;
    const topQueue = roles.vertical !== 'psum';
    const bottomQueue = roles.drain === 'bottom';
    // The frame shows the cycle, the queue ahead of it and the drain behind it.
    const q = queueDepth(result.rows, result.cols);
    const span = q + (bottomQueue ? q : 0) + 1;
    const cache = new TraceCache(fetchTrace, gemm, total, TraceCache.capacityFor(span, windowLength(result.rows, result.cols)));
    let geo: ArrayGeometry | null = null;
    let dpr = 1;
    // The PE being read: under the pointer, tapped, or picked with Shift+arrows (keyboard: true).
    let hover: { row: number; col: number; x: number; y: number; keyboard?: boolean } | null = null;
    let drawnKey = '';
    let last = performance.now();
    let carry = 0;
    let raf = 0;
    const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');

    // No canvas text under the type floor (values too small to print at it are hidden, and read
    // by pointing, tapping or Shift+arrows instead).
    const textFloor = presenter ? PRESENTER_MIN_TEXT_PX : MIN_TEXT_PX;
    const resize = () => {
      dpr = window.devicePixelRatio || 1;
      const cssW = Math.max(320, wrap.clientWidth);
      const cssH = preferredHeight(
        result.rows,
        result.cols,
        cssW,
        topQueue,
        bottomQueue,
        Math.max(420, window.innerHeight * 0.72),
        textFloor,
        // Presenter mode is one screen: grow to print values only within it.
        window.innerHeight - 60,
      );
      canvas.style.width = `${cssW}px`;
      canvas.style.height = `${cssH}px`;
      canvas.width = Math.round(cssW * dpr);
      canvas.height = Math.round(cssH * dpr);
      geo = arrayGeometry({
        rows: result.rows,
        cols: result.cols,
        width: canvas.width,
        height: canvas.height,
        dpr,
        topQueue,
        bottomQueue,
        textFloor,
      });
      drawnKey = '';
      canvas.dataset.numbers = geo.showNumbers ? 'shown' : 'hidden';
      // Where values are too small to print, say where to read them instead.
      if (valuesNoteRef.current) valuesNoteRef.current.hidden = geo.showNumbers;
      // PE placement in CSS px, for tests and tools that point at a PE.
      canvas.dataset.geometry = JSON.stringify({ x0: geo.x0 / dpr, y0: geo.y0 / dpr, pitch: geo.pitch / dpr, gap: geo.gap / dpr });
    };
    const observer = new ResizeObserver(resize);
    observer.observe(wrap);
    resize();

    const onMove = (e: PointerEvent) => {
      if (!geo) return;
      const rect = canvas.getBoundingClientRect();
      const x = e.clientX - rect.left;
      const y = e.clientY - rect.top;
      const pe = peAt(geo, x * dpr, y * dpr);
      hover = pe ? { ...pe, x, y } : null;
    };
    const onLeave = () => {
      if (!hover?.keyboard) hover = null;
    };
    const onKey = (e: KeyboardEvent) => {
      if (!geo) return;
      if (e.key === 'Escape' && hover) {
        hover = null;
        e.preventDefault();
        return;
      }
      if (!e.shiftKey || e.altKey || e.ctrlKey || e.metaKey) return;
      const pe = stepPe(hover, e.key, result.rows, result.cols);
      if (!pe) return;
      // Ours, not playback's (its window listener skips handled keys).
      e.preventDefault();
      hover = { ...pe, ...peCentre(geo, pe, dpr), keyboard: true };
    };
    const onBlur = () => {
      if (hover?.keyboard) hover = null;
    };
    canvas.addEventListener('pointermove', onMove);
    // A tap reads the PE under the finger (touch screens send no hover).
    canvas.addEventListener('pointerdown', onMove);
    canvas.addEventListener('pointerleave', onLeave);
    canvas.addEventListener('keydown', onKey);
    canvas.addEventListener('blur', onBlur);

    const frame = (now: number) => {
      const st = useStore.getState();
      let cycle = clampCycle(st.scenario.view.cycle, total);
      // How far the operands are on their way to the next cycle (0: drawn as the engine has them at this cycle).
      let t = 0;
      if (st.playing && reducedMotion.matches) {
        // Reduced motion: whoever started playback gets a jump to the end, not an animation.
        st.setPlaying(false);
        st.setCycle(total);
        cycle = total;
      } else if (st.playing) {
        const step = advance(cycle, carry, now - last, st.speed, total);
        // Hold the play head until the window it moves into has arrived: no blank frames.
        if (step.cycle === cycle || cache.has(traceIndex(step.cycle)) || step.cycle === 0) {
          carry = step.carry;
          if (step.cycle !== cycle) {
            cycle = step.cycle;
            st.setCycle(cycle);
          }
          if (step.ended) st.setPlaying(false);
          else if (interpolates(st.speed, reducedMotion.matches)) t = step.carry;
        } else if (st.gemmStatus !== 'running') cache.ensure(traceIndex(step.cycle));
      } else carry = 0;
      last = now;

      const index = traceIndex(cycle);
      // No trace requests while a run is in flight: the worker's engine shares one wasm
      // memory between a run and a trace, and the run yields between chunks.
      if (geo && st.gemmStatus !== 'running') {
        // What this frame needs: the cycle, the queue ahead and the drain behind; plus the next window while playing.
        cache.requestRange(index - geo.bottomQueue, index + Math.max(geo.leftQueue, geo.topQueue));
        if (st.playing) cache.request(index + Math.max(geo.leftQueue, geo.topQueue) + 1);
      }
      const hoverKey = hover ? `${hover.row},${hover.col},${Math.round(hover.x)},${Math.round(hover.y)}` : '';
      // Nothing is in flight before the next cycle's trace has arrived.
      if (t > 0 && !cache.has(index + 1)) t = 0;
      t = Math.round(t * 64) / 64;
      if (t >= 1) t = 0;
      const key = `${cycle}|${t}|${cache.version}|${hoverKey}|${canvas.width}x${canvas.height}`;
      if (geo && key !== drawnKey) {
        drawnKey = key;
        const t0 = performance.now();
        const drained = drawArray(ctx, { gemm, geo, roles, index, slotAt: (i) => cache.lookup(i), hover, dpr, t });
        canvas.dataset.drawMs = (performance.now() - t0).toFixed(2);
        // What is drawn as drained, for tests and tools: [m, n, value, cell row, cell col] per output.
        canvas.dataset.drainedCount = String(drained.length);
        if (geo.showNumbers) canvas.dataset.drained = JSON.stringify(drained.map((o) => [o.m, o.n, o.value, o.row, o.col]));
        canvas.dataset.cycle = String(cycle);
        // The fraction of the way to cycle + 1 drawn, for tests (0: this cycle exactly).
        canvas.dataset.transit = String(t);
        updateReadouts(index);
      }
      raf = requestAnimationFrame(frame);
    };

    const updateReadouts = (index: number) => {
      const slot = index >= 0 ? cache.lookup(index) : null;
      const ready = index < 0 || slot !== null;
      const failed = cache.errorAt(index);
      if (statusRef.current) statusRef.current.textContent = failed ? `trace failed: ${failed}` : ready ? '' : 'loading trace…';
      COUNTERS.forEach((_, k) => {
        const el = counterRefs.current[k];
        if (!el || !ready) return;
        const v = slot ? slot.window.sramCumulative[slot.offset * 4 + k] : 0;
        el.textContent = `${formatCount(v)} elements`;
      });
      if (foldRef.current && ready)
        foldRef.current.textContent = slot ? `${slot.window.fold[slot.offset] + 1} of ${result.folds}` : `- of ${result.folds}`;
      if (!hover) {
        tip.hidden = true;
        return;
      }
      tip.hidden = false;
      tip.style.left = `${hover.x + 14}px`;
      tip.style.top = `${hover.y + 14}px`;
      const n = result.rows * result.cols;
      const at = index + 1;
      if (!slot) {
        tip.textContent = `PE row ${hover.row}, col ${hover.col} · cycle ${at}: ${index < 0 ? 'empty (nothing has entered yet)' : 'loading…'}`;
        return;
      }
      const i = slot.offset * n + hover.row * result.cols + hover.col;
      const w = slot.window;
      tip.textContent = '';
      const lines = [
        `PE row ${hover.row}, col ${hover.col} · end of cycle ${at}`,
        `weight (B): ${w.weight[i]}`,
        `input (A): ${w.input[i]}`,
        `partial sum: ${w.psum[i]}`,
        w.active[i] === 1 ? 'did a MAC this cycle' : 'idle this cycle',
        ...(w.written[i] === 1 ? ['its sum is written to the ofmap SRAM'] : []),
      ];
      for (const line of lines) {
        const div = document.createElement('div');
        div.textContent = line;
        tip.appendChild(div);
      }
    };

    // For the export menu: the frame on screen, redrawn as SVG in CSS px from the same trace.
    const unregister = setChartSource(canvas, {
      legend: () => legendItems(result.dataflow).map((it) => ({ label: it.text, colour: rgb(it.colour) })),
      detail: () => {
        const cycle = clampCycle(useStore.getState().scenario.view.cycle, total);
        return `${gemmLine(result)} · ${cycle === 0 ? 'before the first cycle' : `end of cycle ${cycle} of ${total}`}`;
      },
      vector: () => {
        const index = traceIndex(clampCycle(useStore.getState().scenario.view.cycle, total));
        // A frame whose trace has not arrived would draw as empty: export the bitmap instead.
        if (index >= 0 && !cache.has(index)) return null;
        const css = arrayGeometry({
          rows: result.rows,
          cols: result.cols,
          width: canvas.clientWidth,
          height: canvas.clientHeight,
          dpr: 1,
          topQueue,
          bottomQueue,
          textFloor,
        });
        return arraySvg({ gemm, geo: css, roles, index, slotAt: (i) => cache.lookup(i), hover: null, dpr: 1 });
      },
    });

    raf = requestAnimationFrame(frame);
    return () => {
      unregister();
      cancelAnimationFrame(raf);
      observer.disconnect();
      canvas.removeEventListener('pointermove', onMove);
      canvas.removeEventListener('pointerdown', onMove);
      canvas.removeEventListener('pointerleave', onLeave);
      canvas.removeEventListener('keydown', onKey);
      canvas.removeEventListener('blur', onBlur);
      cache.dispose();
    };
  }, [gemm, result, presenter]);

  const roles = flowRoles(result.dataflow);
  return (
    <div className="df-array">
      <div
        className="df-canvas-wrap"
        ref={wrapRef}
        data-highlight="dataflow-array"
        data-array-keys=""
        data-chart="systolic-array"
        data-chart-name="Systolic array"
        data-chart-scope="cycle"
      >
        <canvas
          ref={canvasRef}
          data-testid="array-canvas"
          tabIndex={0}
          role="img"
          aria-label={`Systolic array, ${result.rows} by ${result.cols} PEs, ${result.dataflow} dataflow. ${roles.summary} Use Space to play or pause, Left and Right to step, Shift with the arrow keys to read one PE's values, Escape to stop.`}
        />
        <div className="df-tooltip" ref={tipRef} hidden data-testid="pe-tooltip" role="status" />
      </div>
      <p className="df-values-note muted" ref={valuesNoteRef} hidden data-testid="values-note">
        PEs too small to print their values legibly here: point at or tap a PE, or focus the array and press Shift with the arrow keys, to
        read its weight, input and partial sum; colours as in the legend.
      </p>
      <div className="df-live" aria-live="off" data-highlight="dataflow-sram-counters">
        <span className="df-live-status muted" ref={statusRef} />
        <span title="Which fold (tile of the GEMM mapped onto the array) the array is working on at this cycle.">
          fold{' '}
          <b ref={foldRef} data-testid="current-fold">
            -
          </b>{' '}
          <HowToggle
            text="Which fold (tile of the GEMM mapped onto the array) the array is working on at this cycle."
            what="the fold"
            label="What a fold is"
          />
        </span>
        {COUNTERS.map((c, k) => (
          <span key={c.key} title={c.title}>
            {c.label}:{' '}
            <b
              data-testid={`sram-${c.key}`}
              ref={(el) => {
                counterRefs.current[k] = el;
              }}
            >
              0 elements
            </b>{' '}
            <HowToggle text={c.title} what={c.label} />
          </span>
        ))}
      </div>
    </div>
  );
}
