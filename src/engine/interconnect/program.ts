// Contract between the LLM workload (which knows what each chip computes) and the
// interconnect event simulation (which knows how bytes cross the links).
// A Program is a DAG of tasks for one step (the prefill, or one decode step).
import type { Topology } from '../../scenario/types';

export interface NetworkSpec {
  topology: Topology | 'nvswitch';
  chips: number;
  /** Chips per node (dragonfly group, NVSwitch node). */
  chipsPerNode: number;
  /** Per link, per direction. */
  linkBandwidthGBps: number;
  hopLatencyUs: number;
  /** Links leaving a node per chip (dragonfly global ports; GPU NICs). */
  globalLinksPerChip: number;
  globalBandwidthGBps: number;
  globalLatencyUs: number;
}

/**
 * How a collective is carried out (default 'ring', the original contract):
 * - ring: reduce-scatter + all-gather around the ring order, 2(p-1) steps of bytes/p;
 * - direct: every chip sends its share to every peer at once (reduce-scatter, then
 *   all-gather): 2 steps, each chip using p-1 links in parallel where it has them;
 * - hierarchical: direct inside each node, then direct between the chips with the same
 *   position in each node over global links, then direct all-gather inside each node.
 * See docs/interconnect-model.md ("Collectives").
 */
export type CollectiveAlgorithm = 'ring' | 'direct' | 'hierarchical';

export type Task =
  | { kind: 'compute'; id: number; chip: number; durationUs: number; deps: number[]; label: string }
  | { kind: 'send'; id: number; src: number; dst: number; bytes: number; deps: number[]; label: string }
  | {
      kind: 'allreduce' | 'allgather';
      id: number;
      /** Chips taking part, in ring order. */
      chips: number[];
      /** Bytes each chip contributes (all-reduce: the full vector per chip). */
      bytes: number;
      deps: number[];
      label: string;
      /** Default 'ring'. */
      algorithm?: CollectiveAlgorithm;
    };

export interface Program {
  tasks: Task[];
}
