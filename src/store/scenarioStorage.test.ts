import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lastGood, saveLastGood, saveUnloadEdit, takeUnloadEdit } from './scenarioStorage';

class MemoryStorage {
  private m = new Map<string, string>();
  getItem(k: string) {
    return this.m.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.m.set(k, v);
  }
  removeItem(k: string) {
    this.m.delete(k);
  }
}

const g = globalThis as unknown as { window?: unknown };
describe('scenarioStorage', () => {
  beforeEach(() => {
    g.window = { localStorage: new MemoryStorage(), sessionStorage: new MemoryStorage() };
  });
  afterEach(() => {
    delete g.window;
  });

  it('hands an unload-time edit to the next load of the same URL, once', () => {
    saveUnloadEdit('v=2&vp=sram', 'v=2&b=7&vp=sram');
    expect(takeUnloadEdit('v=2&vp=sram')).toBe('v=2&b=7&vp=sram');
    expect(takeUnloadEdit('v=2&vp=sram')).toBeNull();
  });

  it('ignores the handoff when the page is opened on another link', () => {
    saveUnloadEdit('v=2&vp=sram', 'v=2&b=7&vp=sram');
    expect(takeUnloadEdit('v=2&b=3')).toBeNull();
  });

  it('ignores a tampered handoff', () => {
    (g.window as { sessionStorage: MemoryStorage }).sessionStorage.setItem('sram-vs-hbm:unload-edit', '{not json');
    expect(takeUnloadEdit('v=2')).toBeNull();
  });

  it('keeps the last good scenario, and says nothing when storage is unavailable', () => {
    saveLastGood('v=2&b=9');
    expect(lastGood()).toBe('v=2&b=9');
    g.window = {
      get localStorage(): Storage {
        throw new Error('denied');
      },
    };
    expect(() => saveLastGood('v=2')).not.toThrow();
    expect(lastGood()).toBeNull();
  });
});
