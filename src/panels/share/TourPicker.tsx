// The tour menu: starts any tour at its first step. The toolbar shows it in both modes, so a
// presenter can change tours without leaving presenter mode.
import { tourList } from './scenarioApi';
import { goToStep } from './tourActions';

export function TourPicker({ disabled }: { disabled?: boolean }) {
  const tours = tourList();
  return (
    <label className="share-select">
      <span>Tour</span>
      <select
        value=""
        disabled={disabled}
        data-testid="tour-select"
        onChange={(e) => {
          if (e.target.value) goToStep(e.target.value, 0);
        }}
      >
        <option value="">Start a guided tour…</option>
        {tours.map((t) => (
          <option key={t.id} value={t.id}>
            {t.title}
          </option>
        ))}
      </select>
    </label>
  );
}
