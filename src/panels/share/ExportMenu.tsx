// Export: each chart on the page (see exportChart.ts for the data-chart convention) as PNG
// and SVG, the results as CSV, the scenario as JSON. All built in the page, saved via Blob.
import { useEffect, useRef, useState } from 'react';
import { useStore } from '../../store/store';
import { chartPng, chartSvg, findCharts, type ChartRef, type ExportContext } from './exportChart';
import { downloadBlob, downloadText } from './download';
import { exportCsv } from './resultsCsv';
import { exportFileName } from './exportNames';
import { scenarioLine } from './scenarioLine';
import { currentLink } from '../../store/urlSync';
import { scenarioJson } from './scenarioApi';
import { useShareUi } from './shareUi';

/** Read when a file is saved, not when the menu opened: the scenario may have changed since. */
function exportContext(): ExportContext {
  const st = useStore.getState();
  return { scenarioLine: scenarioLine(st.scenario, st.llmResult), link: currentLink() };
}

const fileName = (c: ChartRef, ext: 'png' | 'svg') => exportFileName(c.id, c.scope, useStore.getState().scenario, ext);

export function ExportMenu() {
  const [charts, setCharts] = useState<ChartRef[]>([]);
  /** The panel the chart list was taken from (null while closed): never a stale list. */
  const [listedFor, setListedFor] = useState<string | null>(null);
  const say = useShareUi((s) => s.say);
  const ref = useRef<HTMLDetailsElement>(null);
  const panel = useStore((s) => s.scenario.view.panel);

  // A menu: closes on a click outside or Escape (and so never lists another panel's charts).
  useEffect(() => {
    const onDown = (e: PointerEvent) => {
      const d = ref.current;
      if (d?.open && !d.contains(e.target as Node)) d.open = false;
    };
    const onKey = (e: KeyboardEvent) => {
      const d = ref.current;
      if (e.key === 'Escape' && d?.open) {
        d.open = false;
        d.querySelector('summary')?.focus();
      }
    };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, []);
  const list = () => {
    setCharts(findCharts());
    setListedFor(useStore.getState().scenario.view.panel);
  };
  // A new panel in view re-lists an open menu; list reads the DOM and the store, not props.
  useEffect(() => {
    // oxlint-disable-next-line react/exhaustive-effect-dependencies
    if (ref.current?.open) list();
  }, [panel]);

  /** Saves what `f` builds under `name` and says so in the live region. */
  const run = async (name: string, f: (name: string) => Promise<void> | void) => {
    try {
      await f(name);
      say(`Saved ${name}.`);
    } catch (e) {
      say(`Could not save ${name}: ${(e as Error).message}`);
    }
  };

  return (
    <details
      ref={ref}
      className="share-menu"
      onToggle={(e) => {
        if (e.currentTarget.open) list();
        else {
          setCharts([]);
          setListedFor(null);
        }
      }}
    >
      <summary className="btn">Export</summary>
      <div className="share-menu-body" role="group" aria-label="Export" data-listed-panel={listedFor ?? ''}>
        <button
          type="button"
          className="btn"
          data-testid="export-csv"
          onClick={() =>
            run(exportFileName('results', 'llm', useStore.getState().scenario, 'csv'), (name) => {
              const st = useStore.getState();
              downloadText(exportCsv(st.scenario, currentLink(), st.gemmRun?.result ?? null, st.llmResult), name, 'text/csv');
            })
          }
        >
          Results (CSV)
        </button>
        <button
          type="button"
          className="btn"
          data-testid="export-json"
          onClick={() =>
            run(exportFileName('scenario', 'llm', useStore.getState().scenario, 'json'), (name) =>
              downloadText(scenarioJson(useStore.getState().scenario), name, 'application/json'),
            )
          }
        >
          Scenario (JSON)
        </button>
        {charts.length === 0 ? <p className="muted">No charts on this panel.</p> : null}
        {charts.map((c, i) => (
          <div className="share-chart-row" key={`${c.id}-${i}`}>
            <span title={c.name}>{c.name}</span>
            <button
              type="button"
              className="btn"
              data-testid={`export-png-${c.id}`}
              aria-label={`${c.name} as PNG`}
              onClick={() => run(fileName(c, 'png'), async (name) => downloadBlob(await chartPng(c, exportContext()), name))}
            >
              PNG
            </button>
            <button
              type="button"
              className="btn"
              data-testid={`export-svg-${c.id}`}
              aria-label={`${c.name} as SVG`}
              onClick={() => run(fileName(c, 'svg'), (name) => downloadBlob(chartSvg(c, exportContext()), name))}
            >
              SVG
            </button>
          </div>
        ))}
      </div>
    </details>
  );
}
