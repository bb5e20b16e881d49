// Number formatting for the panels: every number shown carries its unit.
import { format } from 'd3';

const si = format('.3~s');
const fixed3 = format(',.3~r');

export function formatCount(n: number): string {
  return Math.abs(n) >= 1e6 ? si(n).replace('G', 'B') : format(',d')(Math.round(n));
}
export function formatPercent(fraction: number): string {
  return format('.1%')(fraction);
}
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '-';
  if (ms === 0) return '0 ms'; // an axis origin beside 5 ms, 10 ms reads better than 0 µs
  if (ms < 1) return `${fixed3(ms * 1000)} µs`;
  if (ms >= 10_000) return `${fixed3(ms / 1000)} s`;
  return `${fixed3(ms)} ms`;
}
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let i = 0;
  while (Math.abs(v) >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${fixed3(v)} ${units[i]}`;
}
export function formatNumber(n: number, unit: string): string {
  if (!Number.isFinite(n)) return '-';
  return `${fixed3(n)} ${unit}`;
}
export function formatUsd(n: number): string {
  return n >= 100 ? `$${format(',.0f')(n)}` : `$${format(',.3~r')(n)}`;
}
