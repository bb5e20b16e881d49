// Every chip of a machine as one thin stacked column on a canvas (hundreds of marks), so the
// whole system is visible at once; click a column to open that chip.
import { useEffect, useRef } from 'react';
import type { ChipOccupancy } from '../../engine/types';
import { fillAtToken } from './occupancy';

interface Props {
  occupancy: readonly ChipOccupancy[];
  token: number;
  prompt: number;
  output: number;
  selected: number | null;
  onSelect(index: number): void;
  label: string;
}

function cssVar(el: Element, name: string, fallback: string): string {
  return getComputedStyle(el).getPropertyValue(name).trim() || fallback;
}

export function ChipStrip({ occupancy, token, prompt, output, selected, onSelect, label }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const draw = () => {
      const dpr = window.devicePixelRatio || 1;
      const w = canvas.clientWidth;
      const h = canvas.clientHeight;
      canvas.width = Math.max(1, Math.round(w * dpr));
      canvas.height = Math.max(1, Math.round(h * dpr));
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, w, h);
      const colours = {
        weights: cssVar(canvas, '--c-blue', '#0072b2'),
        kv: cssVar(canvas, '--c-orange', '#e69f00'),
        act: cssVar(canvas, '--c-purple', '#cc79a7'),
        over: cssVar(canvas, '--c-vermillion', '#d55e00'),
        free: '#eceff1',
      };
      const n = occupancy.length;
      const colW = w / Math.max(1, n);
      const gap = colW > 4 ? 1 : 0;
      occupancy.forEach((o, i) => {
        const f = fillAtToken(o, token, prompt, output);
        const x = i * colW;
        const cw = Math.max(0.5, colW - gap);
        const scale = h / Math.max(1, f.capacityBytes);
        ctx.fillStyle = colours.free;
        ctx.fillRect(x, 0, cw, h);
        let y = h;
        for (const [bytes, c] of [
          [f.weightsBytes, colours.weights],
          [f.kvBytes, colours.kv],
          [f.activationBytes, colours.act],
        ] as const) {
          const bh = Math.min(y, bytes * scale);
          ctx.fillStyle = c;
          ctx.fillRect(x, y - bh, cw, bh);
          y -= bh;
        }
        if (f.freeBytes < 0) {
          ctx.fillStyle = colours.over;
          ctx.fillRect(x, 0, cw, 3);
        }
      });
      if (selected !== null && selected < n) {
        ctx.strokeStyle = '#0b57d0';
        ctx.lineWidth = 2;
        ctx.strokeRect(selected * colW + 1, 1, Math.max(2, colW - 2), h - 2);
      }
    };
    draw();
    const ro = new ResizeObserver(draw);
    ro.observe(canvas);
    return () => ro.disconnect();
  }, [occupancy, token, prompt, output, selected]);

  const pick = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const i = Math.floor(((e.clientX - rect.left) / rect.width) * occupancy.length);
    onSelect(Math.max(0, Math.min(occupancy.length - 1, i)));
  };

  return (
    <canvas
      ref={ref}
      className="chip-strip"
      role="img"
      aria-label={`${label}: ${occupancy.length} chips, each a column filled with weights, KV cache and activations (bottom to top); click one to see its bytes`}
      onClick={pick}
    />
  );
}
