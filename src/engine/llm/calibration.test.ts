import { describe, expect, it } from 'vitest';
import { createInterconnect } from '../interconnect';
import { loadWasmModule } from '../wasmNode';
import { calibrationRows, CALIBRATION_CASES } from './calibration';

describe('calibration against published measurements', async () => {
  const rows = calibrationRows(createInterconnect(await loadWasmModule('interconnect')));
  it.each(rows.map((r) => [r.id, r] as const))('%s within its tolerance', (_id, r) => {
    expect(Math.abs(r.error)).toBeLessThanOrEqual(r.tolerance);
    expect(r.tolerance).toBeLessThanOrEqual(0.25);
  });
  it('every case has a source and a description', () => {
    for (const c of CALIBRATION_CASES) expect(c.source.length > 10 && c.description.length > 10).toBe(true);
  });
});
