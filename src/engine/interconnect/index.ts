// Public API of the interconnect simulation.
export { createInterconnect, type Interconnect, type SimulateOptions } from './simulator';
export { expandCollectives, collectiveOps } from './collectives';
export { buildTopology } from './topologies';
export type { BuiltTopology, LinkKind } from './topology';
export { torusShape } from './topologies/torus';
export { LIMITS } from './limits';
export type { CollectiveAlgorithm, NetworkSpec, Program, Task } from './program';
export { syntheticDecodeProgram, type SyntheticDecodeOptions } from './syntheticProgram';
