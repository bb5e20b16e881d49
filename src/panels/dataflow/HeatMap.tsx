// Per-PE utilisation over the whole run (closed form from the mapping, see
// utilisationMap.ts), drawn as one ImageData: cheap at 256x256.
import { useEffect, useMemo, useRef } from 'react';
import type { GemmResult } from '../../engine/types';
import { utilisationMap } from './utilisationMap';
import { formatPercent } from '../../ui/format';
import { heatIndex, heatLut } from './heatColours';
import { heatLegend, heatSvg } from './heatSvg';
import { setChartSource } from '../share/chartSource';
import { gemmLine } from '../share/scenarioLine';

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
    const lut = heatLut();
    for (let p = 0; p < map.fraction.length; p++) {
      const li = heatIndex(map.fraction[p]);
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

  // For the export menu: the legend, what the map shows, and the map as vector SVG.
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    return setChartSource(canvas, {
      legend: heatLegend,
      detail: () =>
        `${gemmLine(result)} · share of all ${result.cycles} cycles each PE does MACs: min ${formatPercent(map.min)}, max ${formatPercent(map.max)}, mean ${formatPercent(map.mean)}`,
      vector: () => heatSvg(map, w, h),
    });
  }, [map, result, w, h]);

  return (
    <figure className="df-heat" data-chart="pe-utilisation" data-chart-name="Utilisation per PE, whole run" data-chart-scope="gemm">
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
