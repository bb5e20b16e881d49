// The guided tour's caption box: narration, what the step shows (its facts, checked live),
// the quote from the talk with its speaker and timestamp, step n/m, Prev/Next/Exit, presenter
// toggle. Keys: Left/Right or PageUp/PageDown move, Escape exits; Space is the array's
// play/pause even on a focused tour button; Left/Right on the focused array (canvas,
// playback bar) step its cycles instead. The step caption is repeated in a polite live
// region for screen readers. Highlights the step's target. The outline (a step menu) jumps
// to any step. In presenter mode the box is placed beside the target (tourPlacement.ts).
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store/store';
import { findTour } from './scenarioApi';
import { exitTour, goToStep, setPresenter } from './tourActions';
import { highlightTarget } from './highlight';
import { SPEAKER_NAMES, TALK_DATE } from '../../scenario/tours';
import { describeFact } from '../../scenario/tourFacts';
import { useTourFactChecks } from './tourFactsLive';
import { placeTourBox } from './tourPlacement';
import { HowToggle } from '../../ui/HowToggle';

/** Keeps the presenter-mode box beside the highlighted target as the panel renders, scrolls and resizes. */
function usePlacement(boxRef: RefObject<HTMLElement | null>, on: boolean, stepKey: string) {
  useLayoutEffect(() => {
    const box = boxRef.current;
    if (!on || !box) return;
    const place = () => {
      const t = document.querySelector('.tour-highlight')?.getBoundingClientRect() ?? null;
      const b = box.getBoundingClientRect();
      const p = placeTourBox(t, { width: b.width, height: b.height }, { width: window.innerWidth, height: window.innerHeight });
      box.style.left = `${Math.round(p.left)}px`;
      box.style.top = `${Math.round(p.top)}px`;
      box.dataset.side = p.side;
    };
    place();
    // Results arrive late and move things; a light poll catches what no event announces.
    const timer = setInterval(place, 250);
    window.addEventListener('resize', place);
    document.addEventListener('scroll', place, { capture: true, passive: true });
    return () => {
      clearInterval(timer);
      window.removeEventListener('resize', place);
      document.removeEventListener('scroll', place, { capture: true });
      box.style.left = box.style.top = '';
    };
    // A new step re-places the box; the placement itself reads the DOM.
    // oxlint-disable-next-line react/exhaustive-effect-dependencies
  }, [boxRef, on, stepKey]);
}

/** A step's line in the outline: its narration's first sentence, cut short. */
export function outlineTitle(narration: string, max = 60): string {
  const first = narration.split(/(?<=[.:;!?])\s/)[0] ?? narration;
  return first.length > max ? `${first.slice(0, max - 1).trimEnd()}…` : first;
}

function isEditable(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  if (t.isContentEditable) return true;
  if (t instanceof HTMLInputElement) return t.type !== 'button' && t.type !== 'checkbox' && t.type !== 'radio';
  return t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement;
}

export function TourOverlay() {
  const { tourRef, presenter } = useStore(useShallow((s) => ({ tourRef: s.scenario.view.tour, presenter: s.scenario.view.presenter })));
  const tour = tourRef ? findTour(tourRef.id) : null;
  const nextRef = useRef<HTMLButtonElement>(null);
  const boxRef = useRef<HTMLElement>(null);
  const stepIndex = tour && tourRef ? Math.max(0, Math.min(tour.steps.length - 1, tourRef.step)) : 0;
  const step = tour ? tour.steps[stepIndex] : null;
  const count = tour ? tour.steps.length : 0;
  const checks = useTourFactChecks(tour ?? null, stepIndex);

  useEffect(() => {
    if (!tour) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || isEditable(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      // Left/Right on the focused array belong to it (one cycle); PageUp/PageDown always move the tour.
      const onArray = e.target instanceof Element && e.target.closest('[data-array-keys]') !== null;
      const next = e.key === 'PageDown' || (e.key === 'ArrowRight' && !onArray);
      const prev = e.key === 'PageUp' || (e.key === 'ArrowLeft' && !onArray);
      if (next && stepIndex < count - 1) {
        e.preventDefault();
        goToStep(tour.id, stepIndex + 1);
      } else if (prev && stepIndex > 0) {
        e.preventDefault();
        goToStep(tour.id, stepIndex - 1);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        exitTour();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [tour, stepIndex, count]);

  // Outline the step's panel or control once the panel has rendered it; again when presenter
  // mode changes the layout under it (its controls go or come back, the panel reflows).
  useEffect(() => {
    if (!step) return;
    return highlightTarget(step.highlight ?? step.panel, step.panel);
    // oxlint-disable-next-line react/exhaustive-effect-dependencies
  }, [step, presenter]);

  usePlacement(boxRef, presenter && tour !== null, `${tour?.id}.${stepIndex}`);

  // Keyboard users land on Next when a tour starts.
  const tourId = tour?.id;
  useEffect(() => {
    if (tourId) nextRef.current?.focus();
  }, [tourId]);

  if (!tour || !step) return null;
  const last = stepIndex === count - 1;
  return (
    <section
      ref={boxRef}
      className={`tour-box${presenter ? ' tour-box-presenter' : ''}`}
      aria-label={`Guided tour: ${tour.title}`}
      data-testid="tour-overlay"
      data-tour-box=""
    >
      <header className="tour-head">
        <strong className="tour-title">{tour.title}</strong>
        <span className="tour-count" data-testid="tour-step">
          Step {stepIndex + 1} of {count}
        </span>
        <label className="tour-outline">
          <span className="sr-only">Tour outline: go to a step</span>
          <select value={stepIndex} onChange={(e) => goToStep(tour.id, Number(e.target.value))} data-testid="tour-outline">
            {tour.steps.map((s, i) => (
              <option key={i} value={i}>
                {i + 1}. {outlineTitle(s.narration)}
              </option>
            ))}
          </select>
        </label>
      </header>
      {/* Focusable: in presenter mode a long step scrolls here, and keyboard users must reach it. */}
      <div className="tour-body" tabIndex={0} role="region" aria-label="Step text">
        <p className="tour-narration" data-testid="tour-narration">
          {step.narration}
        </p>
        {step.facts && step.facts.length > 0 ? (
          <div className="tour-facts">
            <span className="muted">On screen at this step:</span>
            <ul data-testid="tour-facts">
              {step.facts.map((f, i) => {
                const c = checks[i] ?? null;
                const state = c === null ? 'pending' : c.ok ? 'holds' : 'fails';
                return (
                  <li
                    key={i}
                    data-testid="tour-fact"
                    data-state={state}
                    title={c ? `${c.ok ? 'Holds' : 'Does not hold'} for the results shown: ${c.detail}` : 'Checking against the results…'}
                  >
                    <span aria-hidden="true" className={`tour-fact-mark tour-fact-${state}`}>
                      {state === 'holds' ? '✓' : state === 'fails' ? '✗' : '…'}
                    </span>{' '}
                    {describeFact(f)}
                    {c?.shown ? (
                      <span className="tour-fact-shown" data-testid="tour-fact-shown">
                        {' '}
                        ({c.shown})
                      </span>
                    ) : null}
                    {state === 'fails' ? <span className="sr-only"> (does not hold for these results)</span> : null}
                    {c ? (
                      <HowToggle
                        what="this check"
                        label="Why this check holds or not"
                        text={`${c.ok ? 'Holds' : 'Does not hold'} for the results shown: ${c.detail}`}
                      />
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </div>
        ) : null}
        {step.quote ? (
          <blockquote className="tour-quote">
            <p>“{step.quote.text}”</p>
            <footer>
              <span data-testid="tour-speaker">{SPEAKER_NAMES[step.quote.speaker]}</span>, in the talk ({TALK_DATE}) at{' '}
              <time dateTime={`PT${step.quote.timestamp.replace(':', 'M')}S`}>00:{step.quote.timestamp}</time>
            </footer>
          </blockquote>
        ) : null}
      </div>
      <div className="tour-actions">
        <button type="button" className="btn" onClick={() => goToStep(tour.id, stepIndex - 1)} disabled={stepIndex === 0}>
          ← Prev
        </button>
        {last ? (
          <button type="button" className="btn primary" ref={nextRef} onClick={() => exitTour()}>
            Finish
          </button>
        ) : (
          <button type="button" className="btn primary" ref={nextRef} onClick={() => goToStep(tour.id, stepIndex + 1)}>
            Next →
          </button>
        )}
        {/* In presenter mode the header's Exit presenter mode is the way out; room here is short. */}
        {presenter ? null : (
          <button type="button" className="btn" onClick={() => setPresenter(true)} aria-pressed={false}>
            Presenter
          </button>
        )}
        <button type="button" className="btn" onClick={() => exitTour()}>
          Exit tour
        </button>
      </div>
      <p className="tour-keys muted">
        Keys: ← → or Page Up/Down to move, Esc to exit. Space plays or pauses the array; with the array focused, ← → step its cycles.
      </p>
      <div className="sr-only" aria-live="polite" data-testid="tour-live">
        {`Step ${stepIndex + 1} of ${count}: ${step.narration}`}
      </div>
    </section>
  );
}
