// The guided tour's caption box: narration, the quote from the talk with its timestamp,
// step n/m, Prev/Next/Exit, presenter toggle. Keys: Left/Right/Escape. The step caption
// is repeated in a polite live region for screen readers. Highlights the step's target.
import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store/store';
import { findTour } from './scenarioApi';
import { exitTour, goToStep, setPresenter } from './tourActions';
import { highlightTarget } from './highlight';

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
  const stepIndex = tour && tourRef ? Math.max(0, Math.min(tour.steps.length - 1, tourRef.step)) : 0;
  const step = tour ? tour.steps[stepIndex] : null;
  const count = tour ? tour.steps.length : 0;

  useEffect(() => {
    if (!tour) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || isEditable(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      if (e.key === 'ArrowRight' && stepIndex < count - 1) {
        e.preventDefault();
        goToStep(tour.id, stepIndex + 1);
      } else if (e.key === 'ArrowLeft' && stepIndex > 0) {
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

  // Outline the step's panel or control once the panel has rendered it.
  useEffect(() => {
    if (!step) return;
    return highlightTarget(step.highlight ?? step.panel, step.panel);
  }, [step]);

  // Keyboard users land on Next when a tour starts.
  const tourId = tour?.id;
  useEffect(() => {
    if (tourId) nextRef.current?.focus();
  }, [tourId]);

  if (!tour || !step) return null;
  const last = stepIndex === count - 1;
  return (
    <section className={`tour-box${presenter ? ' tour-box-presenter' : ''}`} aria-label={`Guided tour: ${tour.title}`} data-testid="tour-overlay">
      <header className="tour-head">
        <strong className="tour-title">{tour.title}</strong>
        <span className="tour-count" data-testid="tour-step">
          Step {stepIndex + 1} of {count}
        </span>
      </header>
      <p className="tour-narration" data-testid="tour-narration">
        {step.narration}
      </p>
      {step.quote ? (
        <blockquote className="tour-quote">
          <p>“{step.quote.text}”</p>
          <footer>
            from the talk, at <time dateTime={`PT${step.quote.timestamp.replace(':', 'M')}S`}>00:{step.quote.timestamp}</time>
          </footer>
        </blockquote>
      ) : null}
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
        <button type="button" className="btn" onClick={() => setPresenter(!presenter)} aria-pressed={presenter}>
          Presenter
        </button>
        <button type="button" className="btn" onClick={() => exitTour()}>
          Exit tour
        </button>
      </div>
      <p className="tour-keys muted">Keys: ← → to move, Esc to exit.</p>
      <div className="sr-only" aria-live="polite" data-testid="tour-live">
        {`Step ${stepIndex + 1} of ${count}: ${step.narration}`}
      </div>
    </section>
  );
}
