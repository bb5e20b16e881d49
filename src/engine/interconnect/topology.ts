// A built network: endpoints (chips, then switches), undirected links with per-direction
// capacity, and a deterministic route between any two chips.
import type { NetworkLink } from '../types';
import type { NetworkSpec } from './program';

export type LinkKind = NetworkLink['kind'];

export interface BuiltTopology {
  topology: NetworkSpec['topology'];
  chips: number;
  /** Chips, then switches (nvswitch only). */
  endpoints: number;
  /** Link l joins endpoints linkA[l] and linkB[l]; direction 0 is a -> b, 1 is b -> a. */
  linkA: Int32Array;
  linkB: Int32Array;
  bandwidthGBps: Float64Array;
  latencyUs: Float64Array;
  linkKind: LinkKind[];
  /** How the topology was arranged, e.g. "torus 24 x 24". */
  description: string;
  /** Appends the directed link ids (2 * link + direction) of the route from chip src to chip dst. */
  route(src: number, dst: number, out: number[]): void;
  /** The same route, memoised (programs reuse the same ring edges layer after layer). */
  cachedRoute(src: number, dst: number): Int32Array;
}

/** Memo entries kept per topology before the memo is cleared. */
const ROUTE_MEMO_LIMIT = 1 << 20;

/** Collects links while a builder runs. */
export class LinkTable {
  readonly a: number[] = [];
  readonly b: number[] = [];
  readonly bw: number[] = [];
  readonly lat: number[] = [];
  readonly kind: LinkKind[] = [];

  add(a: number, b: number, bandwidthGBps: number, latencyUs: number, kind: LinkKind): number {
    this.a.push(a);
    this.b.push(b);
    this.bw.push(bandwidthGBps);
    this.lat.push(latencyUs);
    this.kind.push(kind);
    return this.a.length - 1;
  }

  get count(): number {
    return this.a.length;
  }

  finish(
    topology: NetworkSpec['topology'],
    chips: number,
    endpoints: number,
    description: string,
    route: BuiltTopology['route'],
  ): BuiltTopology {
    const memo = new Map<number, Int32Array>();
    const scratch: number[] = [];
    const cachedRoute = (src: number, dst: number): Int32Array => {
      const key = src * chips + dst;
      let r = memo.get(key);
      if (r === undefined) {
        scratch.length = 0;
        route(src, dst, scratch);
        r = Int32Array.from(scratch);
        if (memo.size >= ROUTE_MEMO_LIMIT) memo.clear();
        memo.set(key, r);
      }
      return r;
    };
    return {
      topology,
      chips,
      endpoints,
      linkA: Int32Array.from(this.a),
      linkB: Int32Array.from(this.b),
      bandwidthGBps: Float64Array.from(this.bw),
      latencyUs: Float64Array.from(this.lat),
      linkKind: this.kind,
      description,
      route,
      cachedRoute,
    };
  }
}
