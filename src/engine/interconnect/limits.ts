// Bounds on one simulation, checked before any work is done (see docs/interconnect-model.md).
export const LIMITS = {
  maxChips: 20_000,
  maxChipsPerNode: 256,
  maxGlobalLinksPerChip: 64,
  maxTasks: 2_000_000,
  /** Elementary ops after expanding collectives (each costs ~16 bytes of wasm memory). */
  maxOps: 16_000_000,
  /** Per link per direction; 100 TB/s is beyond any real link. */
  maxBandwidthGBps: 100_000,
  maxLatencyUs: 1_000_000,
  maxDurationUs: 1e9,
  maxBytes: 1e13,
  /** Timeline events returned (critical path first, then in schedule order). */
  maxEvents: 20_000,
} as const;
