// Per-PE utilisation over the whole run (closed form from the mapping, see
// utilisationMap.ts), drawn as one ImageData: cheap at 256x256.
import { useEffect, useMemo, useRef } from 'react';
import { interpolateCividis } from 'd3';
import type { GemmResult } from '../../engine/types';
import { utilisationMap } from './utilisationMap';
import { formatPercent } from '../../ui/format';

const SIZE_CSS = 200;

export function HeatMap({ result }: { result: GemmResult }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const map = useMemo(
    () => utilisationMap(result.rows, result.cols, result.dataflow, result.m, result.k, result.n, result.cycles),
    [result],
  );

  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    canvas.width = map.cols;
    canvas.height = map.rows;
    const img = ctx.createImageData(map.cols, map.rows);
    // Colour scale fixed to 0..100 % so runs compare at a glance.
    const lut = new Uint8ClampedArray(256 * 3);
    for (let i = 0; i < 256; i++) {
      const c = interpolateCividis(i / 255);
      const m = /rgb\((\d+), (\d+), (\d+)\)/.exec(c);
      if (m) lut.set([Number(m[1]), Number(m[2]), Number(m[3])], i * 3);
    }
    for (let p = 0; p < map.fraction.length; p++) {
      const li = Math.round(Math.min(1, map.fraction[p]) * 255) * 3;
      img.data[p * 4] = lut[li];
      img.data[p * 4 + 1] = lut[li + 1];
      img.data[p * 4 + 2] = lut[li + 2];
      img.data[p * 4 + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
  }, [map]);

  const aspect = map.cols / map.rows;
  const w = aspect >= 1 ? SIZE_CSS : Math.max(24, SIZE_CSS * aspect);
  const h = aspect >= 1 ? Math.max(24, SIZE_CSS / aspect) : SIZE_CSS;
  return (
    <figure className="df-heat">
      <canvas
        ref={ref}
        style={{ width: w, height: h }}
        data-testid="heatmap"
        data-mean={map.mean.toFixed(6)}
        role="img"
        aria-label={`Utilisation per PE over the whole run: from ${formatPercent(map.min)} to ${formatPercent(map.max)}, mean ${formatPercent(map.mean)}.`}
      />
      <div className="df-heat-scale" aria-hidden="true">
        <span>0 %</span>
        <span className="df-heat-bar" />
        <span>100 %</span>
      </div>
      <figcaption>
        <b>Utilisation per PE, whole run.</b> Fraction of all {result.cycles} cycles each PE spends doing MACs: PE (r, c) works in every
        fold whose tile covers it, one MAC per streamed element, so this follows from the mapping alone (no trace needed, exact at any
        size). Min {formatPercent(map.min)}, max {formatPercent(map.max)}, mean{' '}
        <span data-testid="heatmap-mean">{formatPercent(map.mean)}</span> (equals the overall utilisation). Dark PEs sit outside the tiles
        of the last folds or wait through fill and drain.
      </figcaption>
    </figure>
  );
}
