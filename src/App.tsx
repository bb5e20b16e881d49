// Layout: a toolbar (presets, link, tours, compare, export), the controls for the panel
// in view, and the four panels as tabs. Components render only what the store holds.
import { useEffect } from 'react';
import { useStore } from './store/store';
import { startRunner } from './store/runner';
import { PANELS, type PanelId } from './scenario/types';
import { DataflowPanel } from './panels/dataflow/DataflowPanel';
import { SramPanel } from './panels/sram/SramPanel';
import { InterconnectPanel } from './panels/interconnect/InterconnectPanel';
import { LatencyPanel } from './panels/latency/LatencyPanel';
import { ArgumentPanel } from './panels/argument/ArgumentPanel';
import { GemmControls } from './panels/dataflow/GemmControls';
import { LlmControls } from './panels/sram/LlmControls';
import { Toolbar } from './panels/share/Toolbar';
import { ShareLayer } from './panels/share/ShareLayer';
import { startUrlSync } from './panels/share/urlSync';
import { PANEL_TITLES } from './ui/labels';
import './styles.css';

export function App() {
  const panel = useStore((s) => s.scenario.view.panel);
  const hidden = useStore((s) => s.scenario.classroom.hidden);
  const presenter = useStore((s) => s.scenario.view.presenter);
  const touring = useStore((s) => s.scenario.view.tour !== null);
  const setPanel = useStore((s) => s.setPanel);
  const queue = useStore((s) => s.queue);

  useEffect(() => {
    // The root URL (no link) opens on the argument; a link opens what its author saw.
    if (!window.location.hash) setPanel('argument');
    return startUrlSync(); // before the runner: a link's scenario runs first
  }, [setPanel]);
  useEffect(() => startRunner(), []);

  // Panel ids double as their classroom ids (src/scenario/keys.ts HIDEABLE_IDS).
  const visible = PANELS.filter((p) => !hidden.includes(p));
  // A link may hide the panel it opens on: show the first visible one instead.
  const shown: PanelId = visible.includes(panel) || visible.length === 0 ? panel : visible[0];
  return (
    <div
      className={`app${presenter ? ' presenter' : ''}${touring ? ' touring' : ''}`}
      // Each engine's queue, for tests and tools: "in flight + waiting" runs.
      data-queue-systolic={`${+queue.systolic.inFlight}+${+queue.systolic.waiting}`}
      data-queue-llm={`${+queue.llm.inFlight}+${+queue.llm.waiting}`}
    >
      <header className="app-header">
        <h1>
          SRAM vs HBM <span className="subtitle">why an SRAM-only, compiler-scheduled machine answers faster, and where it stops</span>
        </h1>
        <Toolbar />
      </header>
      <ShareLayer />
      <nav className="tabs" role="tablist" aria-label="Panels">
        {visible.map((p) => (
          <button
            key={p}
            role="tab"
            id={`tab-${p}`}
            aria-selected={shown === p}
            aria-controls={`tabpanel-${p}`}
            className={shown === p ? 'tab active' : 'tab'}
            onClick={() => setPanel(p)}
          >
            {PANEL_TITLES[p]}
          </button>
        ))}
      </nav>
      <div className="workspace">
        {!presenter && shown !== 'argument' ? (
          <aside className="controls" aria-label="Controls">
            {shown === 'dataflow' ? <GemmControls /> : <LlmControls />}
          </aside>
        ) : null}
        <main id={`tabpanel-${shown}`} role="tabpanel" aria-labelledby={`tab-${shown}`} className="panel-area">
          {shown === 'argument' ? <ArgumentPanel /> : null}
          {shown === 'dataflow' ? <DataflowPanel /> : null}
          {shown === 'sram' ? <SramPanel /> : null}
          {shown === 'interconnect' ? <InterconnectPanel /> : null}
          {shown === 'latency' ? <LatencyPanel /> : null}
        </main>
      </div>
    </div>
  );
}
