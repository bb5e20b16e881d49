// Builds the network a NetworkSpec describes.
import type { NetworkSpec } from '../program';
import type { BuiltTopology } from '../topology';
import { buildDragonfly } from './dragonfly';
import { buildFullyConnected } from './fullyConnected';
import { buildNvswitch } from './nvswitch';
import { buildRing } from './ring';
import { buildTorus } from './torus';

export function buildTopology(spec: NetworkSpec): BuiltTopology {
  switch (spec.topology) {
    case 'ring':
      return buildRing(spec);
    case 'torus2d':
      return buildTorus(spec);
    case 'fully-connected':
      return buildFullyConnected(spec);
    case 'dragonfly':
      return buildDragonfly(spec);
    case 'nvswitch':
      return buildNvswitch(spec);
  }
}
