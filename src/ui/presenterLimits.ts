// Presenter mode's two promises for a projector, declared once: App turns them into CSS
// variables (every font-size rule floors at --text-floor, the tour box caps at --tour-max-h),
// the charts re-layout from them, and the e2e checks assert them.

/** No text in presenter mode renders smaller than this, in CSS px (readable from the back of a room). */
export const PRESENTER_MIN_TEXT_PX = 18;

/** Outside presenter mode no text in a chart or table renders smaller than this, in CSS px (issue 9's type scale). */
export const MIN_TEXT_PX = 12;

/** The tour box takes at most this share of the viewport height in presenter mode. */
export const TOUR_BOX_MAX_SHARE = 0.35;

/** The CSS variables App sets on its root element. */
export function presenterVars(presenter: boolean): Record<string, string> {
  return {
    '--text-floor': presenter ? `${PRESENTER_MIN_TEXT_PX}px` : '0px',
    '--tour-max-h': `${TOUR_BOX_MAX_SHARE * 100}vh`,
  };
}
