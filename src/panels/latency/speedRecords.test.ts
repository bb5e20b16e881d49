import { describe, expect, it } from 'vitest';
import { SPEED_RECORDS } from './speedRecords';
import { CORPUS } from '../../engine/llm/calibration';

describe('published speed records', () => {
  it('each has a date, a source and a positive speed, and a record that is a calibration case carries its published value', () => {
    expect(SPEED_RECORDS.length).toBeGreaterThanOrEqual(8);
    for (const r of SPEED_RECORDS) {
      expect(r.date, r.model).toMatch(/^(\d{4}(-\d{2}(-\d{2})?)?(-late)?|undated)$/);
      expect(r.source.length, r.model).toBeGreaterThan(5);
      expect(r.detail.length, r.model).toBeGreaterThan(40);
      expect(r.tokensPerSecondPerUser).toBeGreaterThan(0);
      if (r.corpusId) {
        const c = CORPUS.find((x) => x.id === r.corpusId);
        expect(c, r.corpusId).toBeDefined();
        expect(c!.value, r.corpusId).toBe(r.tokensPerSecondPerUser);
        expect(c!.metric).toBe('tokensPerSecondPerUser');
        // the record says speculation was used exactly when the case models it
        if (r.speculative !== null) expect(Boolean(c!.speculative), r.corpusId).toBe(r.speculative);
      }
    }
  });
});
