// Public API of the interconnect simulation.
export { createInterconnect, type Interconnect } from './simulator';
export { buildTopology } from './topologies';
export type { BuiltTopology, LinkKind } from './topology';
export { torusShape } from './topologies/torus';
export { LIMITS } from './limits';
export type { NetworkSpec, Program, Task } from './program';
export { syntheticDecodeProgram, type SyntheticDecodeOptions } from './syntheticProgram';
