import { beforeEach, describe, expect, it } from 'vitest';
import { useStore } from './store';
import { DEFAULT_SCENARIO } from '../scenario/defaults';
import { presetScenario } from '../scenario/presets';

const st = () => useStore.getState();

describe('store actions declare their history entry', () => {
  beforeEach(() => useStore.setState({ scenario: DEFAULT_SCENARIO, presetId: 'default', pinned: null, fieldErrors: {} }));

  it('a control value, the cycle and the tab replace the current entry', () => {
    const before = st().change;
    expect(st().setField('llm.batch', 7)).toBe(true);
    expect(st().change).not.toBe(before);
    expect(st().change.history).toBe('replace');
    st().setCycle(12);
    expect(st().change.history).toBe('replace');
    st().setPanel('sram');
    expect(st().change.history).toBe('replace');
  });

  it('a preset, a tour step, presenter mode, the classroom and pinning A get an entry of their own', () => {
    st().setScenario(presetScenario('default'), 'default');
    expect(st().change.history).toBe('entry');
    const first = st().change;
    st().setScenario({ ...st().scenario, view: { ...st().scenario.view, tour: { id: 'x', step: 1 } } });
    expect(st().change).not.toBe(first); // two entries in a row are told apart
    expect(st().setField('view.presenter', true)).toBe(true);
    expect(st().change.history).toBe('entry');
    expect(st().setField('classroom.locked', true)).toBe(true);
    expect(st().change.history).toBe('entry');
    useStore.setState({ scenario: DEFAULT_SCENARIO });
    st().pin();
    expect(st().change.history).toBe('entry');
    st().setField('llm.batch', 9);
    st().unpin();
    expect(st().change.history).toBe('entry');
  });

  it('unpinning A closes the compare view in the same step; opening and closing it is no history step', () => {
    st().pin();
    const pinned = st().change;
    st().setCompareOpen(true);
    expect(st().change).toBe(pinned);
    st().unpin();
    expect(st().pinned).toBeNull();
    expect(st().compareOpen).toBe(false);
    expect(st().change).not.toBe(pinned);
    expect(st().change.history).toBe('entry');
    // Pinning again does not bring back a compare view left open before.
    st().pin();
    expect(st().compareOpen).toBe(false);
  });

  it('a refused value changes nothing, history included', () => {
    const before = st().change;
    expect(st().setField('llm.batch', 0)).toBe(false);
    expect(st().change).toBe(before);
    expect(st().fieldErrors['llm.batch']).toMatch(/1\.\.4096/);
  });
});
