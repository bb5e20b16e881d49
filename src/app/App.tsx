// Layout: a toolbar (presets, link, tours, compare, export), the controls for the panel
// in view, and the four panels as tabs. Components render only what the store holds.
// Below 900 px wide (phone, tablet) the controls are a drawer opened by the header's
// Controls button; on a wide screen they are the sidebar, always shown.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useStore } from '../store/store';
import { startRunner } from '../store/runner';
import { PANELS, type PanelId } from '../scenario/types';
import { DataflowPanel } from '../panels/dataflow/DataflowPanel';
import { SramPanel } from '../panels/sram/SramPanel';
import { InterconnectPanel } from '../panels/interconnect/InterconnectPanel';
import { LatencyPanel } from '../panels/latency/LatencyPanel';
import { ArgumentPanel } from '../panels/argument/ArgumentPanel';
import { GemmControls } from '../panels/dataflow/GemmControls';
import { LlmControls } from '../panels/sram/LlmControls';
import { Toolbar } from './Toolbar';
import { ShareLayer } from '../panels/share/ShareLayer';
import { startUrlSync } from '../store/urlSync';
import { PANEL_TITLES } from '../ui/labels';
import { presenterVars } from '../ui/presenterLimits';
import '../styles.css';

/** Where the controls stop being a sidebar and become a drawer (styles.css uses the same width). */
const NARROW = '(max-width: 900px)';

function useMedia(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const mq = window.matchMedia(query);
    const on = () => setMatches(mq.matches);
    on();
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, [query]);
  return matches;
}

const FOCUSABLE =
  'button:not([disabled]), select:not([disabled]), input:not([disabled]):not([tabindex="-1"]), summary, [tabindex]:not([tabindex="-1"])';

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

  const narrow = useMedia(NARROW);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const drawerRef = useRef<HTMLElement>(null);
  const tabsRef = useRef<HTMLElement>(null);

  // Panel ids double as their classroom ids (src/scenario/keys.ts HIDEABLE_IDS).
  const visible = PANELS.filter((p) => !hidden.includes(p));
  // A link may hide the panel it opens on: show the first visible one instead.
  const shown: PanelId = visible.includes(panel) || visible.length === 0 ? panel : visible[0];
  const hasControls = !presenter && shown !== 'argument';
  const drawer = narrow && drawerOpen && hasControls;

  // The drawer closes when the screen widens or the panel in view has no controls.
  if (drawerOpen && (!narrow || !hasControls)) setDrawerOpen(false);
  // Focus moves into the drawer when it opens and back to its button when it closes.
  const wasOpen = useRef(false);
  useEffect(() => {
    if (drawer) drawerRef.current?.querySelector<HTMLElement>('.controls-close')?.focus();
    else if (wasOpen.current) {
      const at = document.activeElement;
      if (!at || at === document.body || drawerRef.current?.contains(at)) toggleRef.current?.focus();
    }
    wasOpen.current = drawer;
  }, [drawer]);
  // A tab bar wider than the screen scrolls inside itself: keep the tab in view shown.
  useEffect(() => {
    const nav = tabsRef.current;
    const tab = nav?.querySelector<HTMLElement>('[aria-selected="true"]');
    if (!nav || !tab || nav.scrollWidth <= nav.clientWidth) return;
    const left = tab.offsetLeft - nav.offsetLeft;
    if (left < nav.scrollLeft || left + tab.offsetWidth > nav.scrollLeft + nav.clientWidth)
      nav.scrollLeft = left - (nav.clientWidth - tab.offsetWidth) / 2;
    // Runs when the tab or the layout changes; it reads the DOM, not these values.
    // oxlint-disable-next-line react/exhaustive-effect-dependencies
  }, [shown, narrow]);

  const onDrawerKey = (e: KeyboardEvent<HTMLElement>) => {
    if (!drawer) return;
    if (e.key === 'Escape') {
      // The drawer's, not the tour's: one Escape closes one thing.
      e.preventDefault();
      e.stopPropagation();
      setDrawerOpen(false);
      return;
    }
    if (e.key !== 'Tab') return;
    // Keep Tab inside the open drawer.
    const items = Array.from(e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
      (el) => el.offsetParent !== null || el === document.activeElement,
    );
    if (items.length === 0) return;
    const first = items[0];
    const last = items[items.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <div
      className={`app${presenter ? ' presenter' : ''}${touring ? ' touring' : ''}`}
      style={presenterVars(presenter)}
      // Each engine's queue, for tests and tools: "in flight + waiting" runs.
      data-queue-systolic={`${+queue.systolic.inFlight}+${+queue.systolic.waiting}`}
      data-queue-llm={`${+queue.llm.inFlight}+${+queue.llm.waiting}`}
    >
      <header className="app-header">
        <div className="app-title">
          <h1>
            SRAM vs HBM <span className="subtitle">why an SRAM-only, compiler-scheduled machine answers faster, and where it stops</span>
          </h1>
          {hasControls ? (
            <button
              type="button"
              ref={toggleRef}
              className="btn controls-toggle"
              aria-expanded={drawer}
              aria-controls="controls-drawer"
              data-testid="controls-toggle"
              onClick={() => setDrawerOpen(!drawerOpen)}
            >
              Controls
            </button>
          ) : null}
        </div>
        <Toolbar />
      </header>
      <ShareLayer />
      <nav className="tabs" role="tablist" aria-label="Panels" ref={tabsRef}>
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
        {hasControls ? (
          <>
            {drawer ? <div className="controls-backdrop" aria-hidden="true" onClick={() => setDrawerOpen(false)} /> : null}
            <aside
              id="controls-drawer"
              ref={drawerRef}
              className={drawer ? 'controls open' : 'controls'}
              aria-label="Controls"
              data-testid="controls-drawer"
              onKeyDown={onDrawerKey}
            >
              <div className="controls-drawer-head">
                <strong>Controls</strong>
                <button
                  type="button"
                  className="btn controls-close"
                  onClick={() => setDrawerOpen(false)}
                  aria-label="Close controls"
                  data-testid="controls-close"
                >
                  Close
                </button>
              </div>
              {shown === 'dataflow' ? <GemmControls /> : <LlmControls />}
            </aside>
          </>
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
