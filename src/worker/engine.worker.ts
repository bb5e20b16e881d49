// The only place the engine runs in the browser.
import '../zodJitless'; // first: before any zod schema is created
import * as Comlink from 'comlink';
import systolicUrl from '../engine/generated/systolic.wasm?url';
import interconnectUrl from '../engine/generated/interconnect.wasm?url';
import { createSystolicEngine, CancelledError, type SystolicEngine } from '../engine/systolic';
import { createInterconnect, type Interconnect } from '../engine/interconnect';
import { simulateLlm, simulateLlmPhases } from '../engine/llm/simulate';
import { CORPUS, calibrationRow } from '../engine/llm/calibration';
import type { GemmScenario, Scenario } from '../scenario/types';
import { DEFAULT_SCENARIO } from '../scenario/defaults';
import type { LlmResult, TraceWindow } from '../engine/types';
import type { EngineApi, GemmRun, RunOutcome } from './api';
import { networksOf, withoutNetworkDetail } from './networkDetail';

let systolic: Promise<SystolicEngine> | null = null;
let interconnectModule: Promise<WebAssembly.Module> | null = null;
let interconnect: Promise<Interconnect> | null = null;
let calibrationNet: Promise<Interconnect> | null = null;

/** Compiles one engine's wasm; a failure names the file and is not cached (the next call tries again). */
async function loadWasm(url: string, file: string): Promise<WebAssembly.Module> {
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return await WebAssembly.compile(await response.arrayBuffer());
  } catch (e) {
    throw new Error(`could not load ${file} (${e instanceof Error ? e.message : String(e)})`, { cause: e });
  }
}

function getSystolic(): Promise<SystolicEngine> {
  if (systolic) return systolic;
  const p = loadWasm(systolicUrl, 'systolic.wasm').then(createSystolicEngine);
  p.catch(() => systolic === p && (systolic = null));
  return (systolic = p);
}
function getInterconnectModule(): Promise<WebAssembly.Module> {
  if (interconnectModule) return interconnectModule;
  const p = loadWasm(interconnectUrl, 'interconnect.wasm');
  p.catch(() => interconnectModule === p && (interconnectModule = null));
  return (interconnectModule = p);
}
function getInterconnect(): Promise<Interconnect> {
  if (interconnect) return interconnect;
  const p = getInterconnectModule().then(createInterconnect);
  p.catch(() => interconnect === p && (interconnect = null));
  return (interconnect = p);
}
// The calibration's own simulator: its cases would evict the screen's lowered structures.
function getCalibrationNet(): Promise<Interconnect> {
  if (calibrationNet) return calibrationNet;
  const p = getInterconnectModule().then(createInterconnect);
  p.catch(() => calibrationNet === p && (calibrationNet = null));
  return (calibrationNet = p);
}

// Each runGemm bumps the generation; a run whose generation is stale stops at its next chunk.
let gemmGeneration = 0;
// The same for LLM runs, per lane (the runner's runs for the screen are one lane; a tour's or a
// pinned scenario's runs are never cancelled), checked at each phase boundary.
const llmGenerations = new Map<string, number>();
const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

// The last LLM result in full: the interconnect panel asks for its networks' detail when it
// comes on screen after a run that left it out.
const llmKey = (x: Pick<Scenario, 'llm' | 'lpu' | 'gpu'>): string => JSON.stringify([x.llm, x.lpu, x.gpu]);
let lastLlm: { key: string; result: LlmResult } | null = null;

// The calibration gives way to the screen: it computes one case at a time, and none while a
// run for a lane (the screen's numbers) is in flight, so a control change right after the
// latency tab opens does not wait behind the whole corpus.
let laneRuns = 0;
let lanesIdle: (() => void)[] = [];
function laneRunEnded(): void {
  if (--laneRuns > 0) return;
  for (const wake of lanesIdle) wake();
  lanesIdle = [];
}
async function noLaneRun(): Promise<void> {
  await yieldToEventLoop(); // let a waiting runLlm message in first
  if (laneRuns > 0) await new Promise<void>((resolve) => lanesIdle.push(resolve));
}

function failure(e: unknown): { ok: false; cancelled: boolean; message: string } {
  if (e instanceof CancelledError) return { ok: false, cancelled: true, message: 'cancelled' };
  return { ok: false, cancelled: false, message: e instanceof Error ? e.message : String(e) };
}

/** One LLM run, phase by phase, yielding between phases; null if `stop` says so at a boundary. */
async function runLlmPhases(s: Scenario, stop: () => boolean): Promise<LlmResult | null> {
  const run = simulateLlmPhases(s, await getInterconnect());
  for (;;) {
    const step = run.next();
    if (step.done) return step.value;
    await yieldToEventLoop(); // let a cancelLlm message in
    if (stop()) return null;
  }
}

// Idle between its start and the app's first request (~250 ms on a 2-core machine), the LLM
// engine computes the built-in default scenario: the root URL and every link that keeps its
// machines and model get their first numbers from this run; any other scenario stops it at its
// next phase and finds the engine's code already compiled.
let warmup: { key: string; result: Promise<LlmResult | null>; stop(): void } | null = null;
if (self.name === 'engine-llm') {
  let stopped = false;
  const result = runLlmPhases(DEFAULT_SCENARIO, () => stopped).catch(() => null);
  warmup = { key: llmKey(DEFAULT_SCENARIO), result, stop: () => (stopped = true) };
}
/** The warm-up's result if it is for these inputs; otherwise the warm-up is stopped. */
function takeWarmup(key: string): Promise<LlmResult | null> | null {
  const w = warmup;
  warmup = null;
  if (w?.key === key) return w.result;
  w?.stop();
  return null;
}

const api: EngineApi = {
  async runGemm(g: GemmScenario, onProgress): Promise<RunOutcome<GemmRun>> {
    const generation = ++gemmGeneration;
    try {
      const engine = await getSystolic();
      const run = await engine.run(g, {
        onProgress,
        isCancelled: () => generation !== gemmGeneration,
        yieldToEventLoop,
      });
      const buffers = run.matrices ? [run.matrices.a.buffer, run.matrices.b.buffer, run.matrices.out.buffer] : [];
      return Comlink.transfer({ ok: true as const, value: run }, buffers as ArrayBuffer[]);
    } catch (e) {
      return failure(e);
    }
  },
  cancelGemm() {
    gemmGeneration++;
  },
  async trace(g, start, count): Promise<TraceWindow> {
    const w = (await getSystolic()).trace(g, start, count);
    return Comlink.transfer(w, [
      w.weight.buffer,
      w.input.buffer,
      w.psum.buffer,
      w.active.buffer,
      w.held.buffer,
      w.written.buffer,
      w.ofmapRow.buffer,
      w.ofmapCol.buffer,
      w.ofmapValue.buffer,
      w.sramCumulative.buffer,
      w.fold.buffer,
    ] as ArrayBuffer[]);
  },
  async runLlm(s: Scenario, lane?: string, networkDetail = true) {
    const generation = lane === undefined ? 0 : (llmGenerations.get(lane) ?? 0);
    const cancelled = () => lane !== undefined && (llmGenerations.get(lane) ?? 0) !== generation;
    if (lane !== undefined) laneRuns++;
    try {
      const key = llmKey(s);
      const result = (await takeWarmup(key)) ?? (await runLlmPhases(s, cancelled));
      if (!result || cancelled()) return { ok: false as const, cancelled: true, message: 'cancelled' };
      lastLlm = { key, result };
      return { ok: true as const, value: networkDetail ? result : withoutNetworkDetail(result) };
    } catch (e) {
      return failure(e);
    } finally {
      if (lane !== undefined) laneRunEnded();
    }
  },
  async llmNetworks(s: Scenario) {
    if (lastLlm?.key !== llmKey(s)) lastLlm = { key: llmKey(s), result: simulateLlm(s, await getInterconnect()) };
    return networksOf(lastLlm.result);
  },
  cancelLlm(lane: string) {
    llmGenerations.set(lane, (llmGenerations.get(lane) ?? 0) + 1);
  },
  async calibration() {
    const net = await getCalibrationNet();
    const rows = [];
    for (const c of CORPUS) {
      await noLaneRun();
      rows.push(calibrationRow(c, net));
    }
    return rows;
  },
  async memory() {
    // Only engines already loaded: asking must not load one.
    const wasm = (
      await Promise.all(
        [systolic, interconnect, calibrationNet].map(
          (p) =>
            p?.then(
              (e) => e.memoryBytes(),
              () => 0,
            ) ?? 0,
        ),
      )
    ).reduce((a, b) => a + b, 0);
    return { wasmBytes: wasm };
  },
};

Comlink.expose(api);
// For tests and tools that inspect a worker directly (e2e memory soak): what it holds now.
(self as unknown as { engineMemory: EngineApi['memory'] }).engineMemory = api.memory;
