// Every chip of a machine as one thin stacked column on a canvas (hundreds of marks), so the
// whole system is visible at once; click a column to open that chip.
import { useEffect, useRef } from 'react';
import type { ChipOccupancy } from '../../engine/types';
import { fillAtToken } from './occupancy';
import { MEMORY_PARTS, partColours } from './memoryParts';
import { setChartSource } from '../share/chartSource';

interface Props {
  occupancy: readonly ChipOccupancy[];
  token: number;
  prompt: number;
  output: number;
  selected: number | null;
  onSelect(index: number): void;
  label: string;
  /** Export: the chart's id and title, and what it shows beyond the scenario (machine, token). */
  chartId: string;
  chartName: string;
  detail: string;
}

export function ChipStrip({ occupancy, token, prompt, output, selected, onSelect, label, chartId, chartName, detail }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);

  // For the export menu: the strip's legend and what it shows (the bitmap is the chart).
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    return setChartSource(canvas, {
      legend: () => {
        const colours = partColours(canvas);
        return MEMORY_PARTS.map((p) => ({ label: p.label, colour: colours[p.part] }));
      },
      detail: () => detail,
      vector: () => null,
    });
  }, [detail]);

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
      const colours = partColours(canvas);
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
      data-chart={chartId}
      data-chart-name={chartName}
      role="img"
      aria-label={`${label}: ${occupancy.length} chips, each a column filled with weights, KV cache and activations (bottom to top); click one to see its bytes`}
      onClick={pick}
    />
  );
}
