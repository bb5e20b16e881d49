// Guided tours as data. Each step is its tour's base preset with the step's patch applied
// (steps are independent, so a link can open any step). Narration says where to look and
// why; it never states a figure the engine computes (the panels show those live). What it
// claims about the panel is listed in `facts`, which tours.slow.test.ts checks against the real
// engine for every step. Quotes are verbatim from the talk transcript
// (src/scenario/fixtures/talk-transcript.txt, "Conversation with Groq CEO Jonathan Ross",
// early 2024), timestamp = the line the quote starts on, speaker = whose turn it is in.
import { applyPatch, type ScenarioPatch } from './patch';
import { presetScenario, type PresetId } from './presets';
import { DEFAULT_SCENARIO } from './defaults';
import { foldGeometry, weightLoadCycles } from '../engine/systolic/geometry';
import type { TourFact } from './tourFacts';
import type { PanelId, Scenario } from './types';

/** When the talk was given (the transcript has no date; its content places it in early 2024). */
export const TALK_DATE = 'early 2024';

export type Speaker = 'host' | 'ross';

export const SPEAKER_NAMES: Record<Speaker, string> = { host: 'Host', ross: 'Jonathan Ross (Groq CEO)' };

export interface TourQuote {
  text: string;
  /** 'mm:ss' into the talk. */
  timestamp: string;
  /** Whose turn the quote is in (the transcript marks each turn with a leading '- '). */
  speaker: Speaker;
}

/**
 * Elements a step can point at besides panels and controls (data-highlight in the panels):
 * the part of a panel the step talks about, small enough to sit beside the tour box.
 */
export const TOUR_TARGETS = [
  'dataflow-array',
  'dataflow-sram-counters',
  'latency-metrics',
  'latency-breakdown',
  'latency-budget',
  'latency-roofline',
  'latency-sweep',
  'latency-records',
  'latency-pair',
  'occ-lpu',
  'interconnect-summary',
] as const;

export interface TourStep {
  narration: string;
  panel: PanelId;
  /** A panel id, a control id (keys.ts `controlId`, e.g. 'llm-batch') or one of TOUR_TARGETS. */
  highlight?: string;
  patch: ScenarioPatch;
  quote?: TourQuote;
  /** What the panel shows at this step, checked against the engine (tourFacts.ts). */
  facts?: TourFact[];
}

export interface Tour {
  id: string;
  title: string;
  /** Preset the steps patch. */
  basePreset: PresetId;
  /** The base preset's scenario. */
  base: Scenario;
  steps: TourStep[];
}

type TourDef = Omit<Tour, 'base'>;

// The systolic steps sit at cycles taken from the schedule of the default array: the weight
// preload (ws: one row per cycle), then the inputs' skewed entry, then the drain.
const G = DEFAULT_SCENARIO.gemm;
const PRELOAD = weightLoadCycles(G);
const GEMM_CYCLES = foldGeometry(G).folds * foldGeometry(G).foldLength;

/** The GPU side of 2026 in the tour "2024 claims, 2026 machines": Vera Rubin under TensorRT-LLM's 2025 low-latency mode. */
const RUBIN_2026 = { gpu: 'rubin-nvl72', stack: 'tensorrt-llm-2025' } as const;

const DEFS: TourDef[] = [
  {
    id: 'systolic-array',
    title: 'A systolic array multiplies, cycle by cycle',
    basePreset: 'default',
    steps: [
      {
        panel: 'dataflow',
        highlight: 'dataflow-array',
        patch: { view: { cycle: PRELOAD } },
        quote: {
          text: 'the main algorithm that was consuming most of the CPU cycles at Google was matrix multiply,',
          timestamp: '06:36',
          speaker: 'ross',
        },
        narration:
          'A neural network layer is mostly one operation: a matrix of activations times a matrix of weights. Here each weight sits in one cell of a grid of multiply-accumulate cells. The first cycles only load the weights, one row per cycle: no input has entered yet.',
        facts: [{ kind: 'weightsOnlyVisible' }],
      },
      {
        panel: 'dataflow',
        highlight: 'dataflow-array',
        patch: { view: { cycle: PRELOAD + 4 } },
        quote: { text: "and then what we did was we came up with what's called a systolic array,", timestamp: '07:00', speaker: 'ross' },
        narration:
          'A few cycles after the preload. Inputs (orange) enter at the left edge, each row one cycle behind the row above. That skew is what makes every value meet the right weight at the right moment: watch the diagonal wavefront (press Space to play).',
        facts: [{ kind: 'inputsVisible' }],
      },
      {
        panel: 'dataflow',
        highlight: 'dataflow-array',
        patch: { view: { cycle: PRELOAD + 12 } },
        quote: { text: 'It was just kind of the obvious way to do it,', timestamp: '07:20', speaker: 'ross' },
        narration:
          'Every busy cell (blue) multiplies the input passing through by its weight, adds the partial sum arriving from above and hands both on. No cell fetches from memory: data moves one neighbour per cycle.',
        facts: [{ kind: 'inputsVisible' }, { kind: 'macsVisible', share: 0.5 }],
      },
      {
        panel: 'dataflow',
        highlight: 'dataflow-sram-counters',
        patch: { view: { cycle: GEMM_CYCLES - 4 } },
        narration:
          'Near the end: results leave the bottom edge in the same skewed order. Look at the SRAM counters: each operand was read once and then reused along a row or a column of cells.',
        facts: [{ kind: 'outputsWritten' }, { kind: 'operandsReadOnce' }],
      },
      {
        panel: 'dataflow',
        highlight: 'gemm-dataflow',
        patch: { gemm: { dataflow: 'os' }, view: { cycle: GEMM_CYCLES - 4 } },
        narration:
          'Switch to output stationary: each cell now keeps its own result while both operands flow past. Same answer, different traffic: compare the SRAM counters with the weight-stationary run of the previous step.',
        facts: [{ kind: 'sramReadsDifferVsPrevious' }],
      },
      {
        panel: 'dataflow',
        highlight: 'gemm-k',
        patch: { gemm: { k: 20 }, view: { cycle: 0 } },
        narration:
          'Back to weight stationary, and make the reduction dimension longer than the array is tall: the product no longer fits in one pass. The array folds, and partial sums go back to SRAM between passes. Watch the fold counter and the ofmap reads as it plays.',
        facts: [{ kind: 'folds', atLeast: 2 }, { kind: 'psumReadBack' }],
      },
    ],
  },
  {
    id: 'hbm-bound',
    title: 'Why a GPU token waits on HBM',
    basePreset: 'default',
    steps: [
      {
        panel: 'latency',
        highlight: 'latency-breakdown',
        patch: { llm: { model: 'llama-2-7b' }, gpu: { gpus: 1, tp: 1 } },
        quote: {
          text: 'HBM is this high-bandwidth memory which is required to get performance because the speed at which you can run these applications depends on how quickly you can read that memory.',
          timestamp: '15:55',
          speaker: 'ross',
        },
        narration:
          "Generating one token reads every weight of the model once, for a handful of arithmetic operations per byte. In the breakdown, most of the GPU's decode step is memory reads (the arithmetic waits for the bytes); the rest is the serving stack's fixed time per layer.",
        facts: [{ kind: 'shareAbove', machine: 'gpu', part: 'memoryMs', share: 0.7 }],
      },
      {
        panel: 'latency',
        highlight: 'latency-roofline',
        patch: { llm: { model: 'llama-2-7b' }, gpu: { gpus: 1, tp: 1 } },
        narration:
          "The roofline says the same in one picture. A roof is the most arithmetic a machine can do per second at a given number of operations per byte of weights read: on the slope the memory sets the pace, on the flat part the arithmetic does. The GPU's decode (circle) sits left of its ridge, on the slope: more compute would not lift it, more bandwidth would. Its prefill (square) reuses each weight for every prompt token.",
        facts: [{ kind: 'leftOfRidge', machine: 'gpu', phase: 'decode' }],
      },
      {
        panel: 'latency',
        highlight: 'gpu-tflops-bf16',
        patch: { llm: { model: 'llama-2-7b' }, gpu: { gpus: 1, tp: 1, overrides: { tflopsBf16: 1978 } } },
        narration: "Double the H100's 16-bit compute (an override). Time per token does not move: the tensor cores were waiting for data.",
        facts: [
          { kind: 'tpotVsPrevious', machine: 'gpu', change: 'flat' },
          { kind: 'shareAbove', machine: 'gpu', part: 'memoryMs', share: 0.7 },
        ],
      },
      {
        panel: 'latency',
        highlight: 'gpu-gpu',
        patch: { llm: { model: 'llama-2-7b' }, gpu: { gpu: 'h200', gpus: 1, tp: 1 } },
        narration:
          'Now swap in the H200 instead: the same tensor cores as the H100, with faster HBM. Time per token falls with the memory bandwidth.',
        facts: [{ kind: 'tpotVsPrevious', machine: 'gpu', change: 'falls' }],
      },
      {
        panel: 'latency',
        highlight: 'llm-weights',
        patch: { llm: { model: 'llama-2-7b', weights: 'fp8' }, gpu: { gpus: 1, tp: 1 } },
        narration:
          'Back on the plain H100, store the weights in 8 bits: half the bytes to read per token. Time per token falls with the bytes read.',
        facts: [{ kind: 'tpotVsPrevious', machine: 'gpu', change: 'falls' }],
      },
      {
        panel: 'latency',
        highlight: 'llm-batch',
        patch: { llm: { model: 'llama-2-7b', batch: 32 }, gpu: { gpus: 1, tp: 1 } },
        quote: {
          text: 'including things like HBM, were really oriented around a world back then, which was everything was about training.',
          timestamp: '14:36',
          speaker: 'host',
        },
        narration:
          "Serve many users at once: one read of the weights now feeds every user in the batch, so system throughput climbs. But every user also has a KV cache, read in full for each of their tokens: with many users those reads add up, and each user's time per token rises. The GPU trades latency for throughput.",
        facts: [
          { kind: 'systemThroughputVsPrevious', machine: 'gpu', change: 'rises' },
          { kind: 'tpotVsPrevious', machine: 'gpu', change: 'rises' },
        ],
      },
    ],
  },
  {
    id: 'sram-capacity',
    title: 'SRAM only: how many chips hold Llama-2-70B',
    basePreset: 'default',
    steps: [
      {
        panel: 'sram',
        highlight: 'occ-lpu',
        patch: {},
        quote: { text: "We didn't use external memory.", timestamp: '17:39', speaker: 'ross' },
        narration:
          'Each chip has only its on-chip SRAM, a few hundred megabytes, and no external memory. The system must hold the whole model: read the number of chips chosen and how full each one is with weights.',
        facts: [{ kind: 'fits', machine: 'lpu' }],
      },
      {
        panel: 'sram',
        highlight: 'llm-weights',
        patch: { llm: { weights: 'int8' } },
        narration: 'Store the weights in 8 bits and watch the number of chips needed fall.',
        facts: [{ kind: 'chipsVsPrevious', machine: 'lpu', change: 'falls' }],
      },
      {
        panel: 'sram',
        highlight: 'llm-batch',
        patch: { llm: { batch: 8, prompt: 4096 } },
        narration:
          'The KV cache needs SRAM too: every user and every token of context adds keys and values on every layer. Raise batch and context and watch the KV share of each chip grow.',
        facts: [{ kind: 'kvShareVsPrevious', machine: 'lpu', change: 'rises' }],
      },
      {
        panel: 'sram',
        highlight: 'llm-model',
        patch: { llm: { model: 'llama-2-7b' } },
        narration: 'A 7B model, for scale: compare the chip count with the 70B model.',
        facts: [{ kind: 'chipsVsPrevious', machine: 'lpu', change: 'falls' }],
      },
      {
        panel: 'sram',
        highlight: 'llm-model',
        patch: { llm: { model: 'falcon-180b' } },
        narration:
          'And a 180B model. This is the price of SRAM only: capacity is bought one chip at a time, so the chip count grows with the model.',
        facts: [{ kind: 'chipsVsPrevious', machine: 'lpu', change: 'rises' }],
      },
    ],
  },
  {
    id: 'scaled-inference',
    title: 'Scaled inference: where adding chips stops helping',
    basePreset: 'default',
    steps: [
      {
        panel: 'latency',
        highlight: 'latency-breakdown',
        patch: {},
        quote: { text: 'it was very clear that inference was going to be a scaled problem.', timestamp: '12:16', speaker: 'ross' },
        narration:
          "Start from the fewest chips that hold Llama-2-70B, one user. Each token streams every weight out of SRAM once, layer after layer across the chips. In the breakdown the largest part of a decode step is the fixed time every layer takes (vector work, synchronising the chips of a layer, schedule slack: fitted on Groq's published speeds for a 7B and a 70B model, which take nearly the same time per layer); the network between chips and the streaming from SRAM share the rest.",
        facts: [
          { kind: 'shareAbove', machine: 'lpu', part: 'overheadMs', share: 0.5 },
          { kind: 'shareBelow', machine: 'lpu', part: 'networkMs', share: 0.5 },
          { kind: 'shareBelow', machine: 'lpu', part: 'memoryMs', share: 0.5 },
        ],
      },
      {
        panel: 'latency',
        highlight: 'latency-metrics',
        patch: { lpu: { chips: 800 } },
        quote: { text: "And so the insight was, let's build scaled inference.", timestamp: '12:49', speaker: 'ross' },
        narration:
          'Give it more chips. The engine picks the fastest layout that fits in them, and it is the layout it had: time per token does not move, and the extra chips hold nothing (Chips in use). A wider tensor-parallel group would stream a smaller share of the weights per chip, but streaming is the smallest part of the step, and every all-reduce would span more chips and cost more network time than it saves.',
        facts: [
          { kind: 'tpotVsPrevious', machine: 'lpu', change: 'flat' },
          { kind: 'chipsUsedVsPrevious', machine: 'lpu', change: 'flat' },
          { kind: 'chipsUsedBelowGiven', machine: 'lpu' },
        ],
      },
      {
        panel: 'latency',
        highlight: 'latency-metrics',
        patch: { lpu: { chips: 4000 } },
        quote: {
          text: 'even though we had 170 GPUs versus 48 TPUs, the 48 TPUs won 99 out of 100 games with the exact same software.',
          timestamp: '12:34',
          speaker: 'ross',
        },
        narration:
          'Five times the chips: still nothing changes, and most of the system sits idle. For one user, adding chips stopped helping at the fewest chips that hold the model: past it, time per token is set by the number of layers (each with its fixed time) and the hops between them, not by how many chips there are.',
        facts: [
          { kind: 'tpotVsPrevious', machine: 'lpu', change: 'flat' },
          { kind: 'chipsUsedVsPrevious', machine: 'lpu', change: 'flat' },
          { kind: 'chipsUsedBelowGiven', machine: 'lpu' },
        ],
      },
      {
        panel: 'latency',
        highlight: 'latency-breakdown',
        patch: { lpu: { chips: 4000, topology: 'ring' } },
        narration:
          'The same chips wired as a ring (Topology): every message between chips, hand-offs and all-reduces alike, now walks the ring hop by hop. The network becomes the larger part of the step and time per token rises several fold: the network, not the chip count, sets how fast this machine can be.',
        facts: [
          { kind: 'tpotVsPrevious', machine: 'lpu', change: 'rises' },
          { kind: 'shareAbove', machine: 'lpu', part: 'networkMs', share: 0.5 },
        ],
      },
      {
        panel: 'latency',
        highlight: 'llm-batch',
        patch: { llm: { batch: 64 } },
        narration:
          "Back on the dragonfly with the fewest chips, and serve many users at once. Every user's KV cache needs SRAM, so more chips hold the model than for one user, packed as tightly as they fit.",
        facts: [
          { kind: 'fits', machine: 'lpu' },
          { kind: 'chipsUsedVsPrevious', machine: 'lpu', change: 'rises' },
        ],
      },
      {
        panel: 'latency',
        highlight: 'lpu-chips',
        patch: { llm: { batch: 64 }, lpu: { chips: 4000 } },
        quote: { text: 'we have hundreds or thousands of chips contributing', timestamp: '13:00', speaker: 'ross' },
        narration:
          "The same users on the chips where one user gained nothing. Now the extra SRAM is worth having: more chips hold the model, each streaming a smaller share of the weights and of the users' keys and values, and time per token falls. Chips pay off when the model, batch or context needs their SRAM; beyond that they add cost and power, not speed.",
        facts: [
          { kind: 'tpotVsPrevious', machine: 'lpu', change: 'falls' },
          { kind: 'chipsUsedVsPrevious', machine: 'lpu', change: 'rises' },
          { kind: 'chipsUsedBelowGiven', machine: 'lpu' },
        ],
      },
    ],
  },
  {
    id: 'groq-claims',
    title: 'The claims at 00:18: which assumptions make them hold',
    basePreset: 'falcon-180b-claim',
    steps: [
      {
        panel: 'latency',
        highlight: 'latency-metrics',
        patch: {},
        quote: {
          text: "So right now, on a 180 billion parameter model, we run about 200 tokens per second, which I think is less than 50 on the next generation GPU that's coming out.",
          timestamp: '18:34',
          speaker: 'ross',
        },
        narration:
          'Falcon-180B for one user on the SRAM-only system and on B200. Compare tokens per second per user with the two numbers in the quote.',
      },
      {
        panel: 'latency',
        highlight: 'gpu-gpu',
        patch: { gpu: { gpu: 'h100-sxm' } },
        quote: { text: "If you were to compare us to GPUs, we're typically five to 10x faster.", timestamp: '18:23', speaker: 'ross' },
        narration: 'Against the H100, the GPU most deployed at the time. Is the modelled ratio inside, above or below the quoted range?',
      },
      {
        panel: 'latency',
        highlight: 'llm-weights',
        patch: { gpu: { gpu: 'h100-sxm' }, llm: { weights: 'fp8' } },
        quote: { text: 'Apples to apples, like without using speculative decode and other things.', timestamp: '18:30', speaker: 'ross' },
        narration:
          "Apples to apples also means the same number format on both machines. Drop the weights to 8 bits on both. The GPU side now holds the model in half as many GPUs, each still streaming as many bytes per token as before, so its time per token does not move. The SRAM system needs about half the chips but gets no faster: its layers' fixed time does not shrink with the bytes, and packed onto fewer chips the layers sit in twice as many pipeline stages, each hand-off adding network time. Does the ratio hold?",
        facts: [
          { kind: 'chipsVsPrevious', machine: 'gpu', change: 'falls' },
          { kind: 'tpotVsPrevious', machine: 'gpu', change: 'flat' },
          { kind: 'chipsVsPrevious', machine: 'lpu', change: 'falls' },
          { kind: 'tpotVsPrevious', machine: 'lpu', change: 'rises' },
          { kind: 'partVsPrevious', machine: 'lpu', part: 'networkMs', change: 'rises' },
        ],
      },
      {
        panel: 'latency',
        highlight: 'lpu-price-usd-per-chip-hour',
        patch: {},
        quote: {
          text: "And then in total cost, we're about 1/10 the cost versus a modern GPU per token.",
          timestamp: '18:55',
          speaker: 'ross',
        },
        narration:
          'Cost per token rests on the price of a chip-hour, which is not published for the LPU. The cost comparison is only as good as that figure: drag it and find where one tenth holds.',
      },
      {
        panel: 'latency',
        highlight: 'llm-batch',
        patch: { llm: { batch: 64 } },
        quote: {
          text: 'One is the tokens per dollar and one is the tokens per second per user.',
          timestamp: '18:07',
          speaker: 'ross',
        },
        narration:
          'A GPU serving many users shares every weight read among them, so its cost per token falls steeply with batch. Compare cost per million tokens again, and speed per user.',
        facts: [{ kind: 'costPerTokenVsPrevious', machine: 'gpu', change: 'falls' }],
      },
      {
        panel: 'latency',
        highlight: 'latency-sweep',
        patch: { llm: { batch: 64 } },
        narration:
          "The batch sweep draws those two numbers for every batch at once: right is speed per user, up is throughput per chip. Along each curve a bigger batch buys throughput with every user's speed; the ringed point is this batch. Which machine wins depends on which axis you are paid on.",
        facts: [
          { kind: 'sweepTrade', machine: 'gpu' },
          { kind: 'sweepTrade', machine: 'lpu' },
        ],
      },
    ],
  },
  {
    id: 'b200-30x',
    title: 'The B200 "30x": what it compared',
    basePreset: 'b200-30x',
    steps: [
      {
        panel: 'latency',
        highlight: 'latency-metrics',
        patch: {},
        quote: {
          text: "I got some pings from NVIDIA engineers who said, we were a little embarrassed that they were claiming 30X 'cause it's nowhere near that.",
          timestamp: '20:25',
          speaker: 'ross',
        },
        narration:
          "NVIDIA's 30x was a projection for a GB200 NVL72 rack against Hopper, on a 1.8-trillion-parameter mixture of experts with 32k tokens in and 1k out, 4-bit weights on Blackwell. This is that setting, with an assumed model shape.",
      },
      {
        panel: 'latency',
        highlight: 'gpu-gpu',
        patch: { gpu: { gpu: 'h100-sxm', overrides: { gpusPerNode: 8 } }, llm: { weights: 'fp8' } },
        quote: {
          text: 'There was this one image that showed a claim of up to 50 tokens per second from the user experience and 140 throughput.',
          timestamp: '20:39',
          speaker: 'ross',
        },
        narration:
          'The Hopper side: H100 with 8-bit weights and an NVLink domain of 8 GPUs; the rest of the traffic crosses InfiniBand. Compare tokens per second per user and per GPU with the previous step.',
      },
      {
        panel: 'latency',
        highlight: 'llm-weights',
        patch: { llm: { weights: 'fp8' } },
        narration:
          'Blackwell at the same 8 bits as Hopper: the 4-bit format no longer counts as chip speed. How much of the gap was the number format?',
      },
      {
        panel: 'latency',
        highlight: 'gpu-gpus-per-node',
        patch: { llm: { weights: 'fp8' }, gpu: { overrides: { gpusPerNode: 8 } } },
        narration:
          "And with an 8-GPU NVLink domain like Hopper's: the expert traffic now leaves the node. What remains of the gap is the chip itself.",
      },
      {
        panel: 'latency',
        highlight: 'latency-metrics',
        patch: { gpu: { gpu: 'h100-sxm', overrides: { gpusPerNode: 8 } }, llm: { weights: 'fp8' } },
        quote: {
          text: 'If you were to compare that to the previous generation, that would be saying that the users, if you divide 50 by 30, are getting less than two tokens per second,',
          timestamp: '20:52',
          speaker: 'ross',
        },
        narration:
          'Back on Hopper. Read its modelled speed per user and set it beside the quote: a 30x ratio at the quoted speed per user would leave Hopper users under two tokens per second.',
      },
    ],
  },
  {
    id: 'claims-2026',
    title: '2024 claims, 2026 machines',
    basePreset: 'default',
    steps: [
      {
        panel: 'latency',
        highlight: 'latency-metrics',
        patch: {},
        quote: { text: "If you were to compare us to GPUs, we're typically five to 10x faster.", timestamp: '18:23', speaker: 'ross' },
        narration:
          "Early 2024, the talk's machines: Llama-2-70B for one user, GroqChip 1 against the H100. The claims card tests the quote on this pair. The rest of this tour swaps in what serves models in 2026, one machine at a time.",
        facts: [
          { kind: 'fits', machine: 'lpu' },
          { kind: 'fits', machine: 'gpu' },
          { kind: 'fasterPerUser', machine: 'lpu' },
        ],
      },
      {
        panel: 'latency',
        highlight: 'gpu-gpu',
        patch: { gpu: RUBIN_2026 },
        quote: { text: 'HBM is this high-bandwidth memory', timestamp: '15:55', speaker: 'ross' },
        narration:
          "The GPU of 2026: a Rubin GPU of a Vera Rubin NVL72, HBM4 at several times the H100's bandwidth (the GPU figures say which sources are secondary), served by TensorRT-LLM's 2025 low-latency mode. The model fits on one GPU and each token reads it faster: watch the GPU's time per token and the ratio on the claims card.",
        facts: [
          { kind: 'tpotVsPrevious', machine: 'gpu', change: 'falls' },
          { kind: 'costPerTokenVsPrevious', machine: 'gpu', change: 'falls' },
        ],
      },
      {
        panel: 'latency',
        highlight: 'lpu-chip',
        patch: { gpu: RUBIN_2026, lpu: { chip: 'groq3-lpx' } },
        quote: { text: "We didn't use external memory.", timestamp: '17:39', speaker: 'ross' },
        narration:
          "The SRAM machine of 2026 beside Rubin: the Groq 3 LPU of NVIDIA's LPX rack, with about twice GroqChip 1's SRAM per chip, so fewer chips hold the model. Time per token barely moves: no LPX speed is published, so its fixed time per layer is GroqChip 1's, assumed, and that time is most of a token. Here the model can only project.",
        facts: [
          { kind: 'chipsVsPrevious', machine: 'lpu', change: 'falls' },
          { kind: 'tpotVsPrevious', machine: 'lpu', change: 'flat', tolerance: 0.1 },
        ],
      },
      {
        panel: 'latency',
        highlight: 'latency-budget',
        patch: { gpu: RUBIN_2026, lpu: { chip: 'cerebras-wse3' } },
        quote: {
          text: "There's an economic equation where if you deliver an experience to users under about 250 to 300 milliseconds, you maximize revenue.",
          timestamp: '22:39',
          speaker: 'host',
        },
        narration:
          "Wafer-scale SRAM: a Cerebras WSE-3 holds 44 GB, so a handful of wafers hold the model, and its fixed time per layer, fitted on Cerebras' 2025 speeds, is far below GroqChip 1's. The whole answer now lands inside the talk's budget on the wafers and not on the GPU.",
        facts: [
          { kind: 'chipsVsPrevious', machine: 'lpu', change: 'falls' },
          { kind: 'tpotVsPrevious', machine: 'lpu', change: 'falls' },
          { kind: 'answerWithinBudget', machine: 'lpu', within: true },
          { kind: 'answerWithinBudget', machine: 'gpu', within: false },
        ],
      },
      {
        panel: 'latency',
        highlight: 'llm-speculative-mode',
        patch: {
          gpu: RUBIN_2026,
          lpu: { chip: 'cerebras-wse3' },
          llm: { speculative: { mode: 'mtp', k: 3, accept: 0.8 } },
        },
        quote: { text: 'Apples to apples, like without using speculative decode and other things.', timestamp: '18:30', speaker: 'ross' },
        narration:
          'The per-user records since 2025 use speculative decoding, which the talk set aside. Switch it on for both machines: a one-layer prediction head drafts three tokens, the model checks them in one pass. Both machines get faster; the claims card still judges "5-10x" without it and shows the ratio as set beside it.',
        facts: [
          { kind: 'tpotVsPrevious', machine: 'lpu', change: 'falls' },
          { kind: 'tpotVsPrevious', machine: 'gpu', change: 'falls' },
        ],
      },
      {
        panel: 'latency',
        highlight: 'llm-batch',
        patch: { gpu: RUBIN_2026, lpu: { chip: 'cerebras-wse3' }, llm: { batch: 64 } },
        quote: { text: 'One is the tokens per dollar', timestamp: '18:07', speaker: 'ross' },
        narration:
          'Tokens per dollar: serve 64 users, without speculation. The wafers stay faster for each user; the GPU, sharing each weight read among all of them, makes a token for less. Where the SRAM machine wins is the speed a user sees, not the price of a token.',
        facts: [
          { kind: 'fasterPerUser', machine: 'lpu' },
          { kind: 'cheaperPerToken', machine: 'gpu' },
        ],
      },
      {
        panel: 'latency',
        highlight: 'latency-pair',
        patch: {
          gpu: { ...RUBIN_2026, gpus: 8 },
          lpu: { chip: 'groq3-lpx' },
          llm: { disagg: 'gpu-to-sram', batch: 16, prompt: 8192 },
        },
        narration:
          "NVIDIA's 2026 split: Rubin GPUs prefill, the LPX decodes, and the prompts' KV cache crosses between them. Here 16 users send 8,192-token prompts to eight Rubin GPUs. The pair table sets the pair beside each machine alone: each user gets the GPUs' first token (plus the transfer) and the LPX's time per token, so the answer beats both machines alone, and with each machine on its own stage the pair makes more tokens per second than either. It does not beat the GPUs alone on the first token or on the price of a token.",
        facts: [
          { kind: 'pairBeats', figure: 'ttft', beats: ['lpu'] },
          { kind: 'pairBeats', figure: 'answer', beats: ['lpu', 'gpu'] },
          { kind: 'pairBeats', figure: 'tpsOutput', beats: ['lpu', 'gpu'] },
          { kind: 'pairBeats', figure: 'cost', beats: ['lpu'] },
        ],
      },
      {
        panel: 'latency',
        highlight: 'latency-records',
        patch: { gpu: RUBIN_2026, lpu: { chip: 'cerebras-wse3' } },
        narration:
          "What was measured, 2024 to 2026: per-user speed records with their dates and sources. The records that are calibration cases are in the table below it with the model's error, one of them marked as outside the model.",
      },
    ],
  },
  {
    id: 'latency-budget',
    title: 'The 250-300 ms budget and what each 100 ms costs',
    basePreset: 'talk-70b',
    steps: [
      {
        panel: 'latency',
        highlight: 'latency-budget',
        patch: { llm: { prompt: 500, output: 100 } },
        quote: {
          text: "There's an economic equation where if you deliver an experience to users under about 250 to 300 milliseconds, you maximize revenue.",
          timestamp: '22:39',
          speaker: 'host',
        },
        narration:
          'What a user waits for is the time to the first token plus the time to generate the rest. A short prompt and a hundred-token answer: which machine answers inside the budget?',
      },
      {
        panel: 'latency',
        highlight: 'llm-output',
        patch: { llm: { prompt: 500, output: 30 } },
        quote: { text: 'where you have a window of probably 300 milliseconds to get an answer back.', timestamp: '21:44', speaker: 'host' },
        narration: 'A one-sentence answer. Now the time to first token is a large share of the wait: compare it across the machines.',
      },
      {
        panel: 'latency',
        highlight: 'llm-prompt',
        patch: { llm: { prompt: 4000, output: 100 } },
        quote: {
          text: 'The number is every 100 milliseconds leads to 8% more engagement on desktop, 34% on mobile.',
          timestamp: '23:03',
          speaker: 'ross',
        },
        narration:
          'A long prompt (a document, a chat history) has to be read before the first token. Watch the time to first token grow, and count the hundred-millisecond steps it adds.',
        facts: [
          { kind: 'ttftVsPrevious', machine: 'lpu', change: 'rises' },
          { kind: 'ttftVsPrevious', machine: 'gpu', change: 'rises' },
        ],
      },
      {
        panel: 'latency',
        highlight: 'llm-output',
        patch: { llm: { prompt: 500, output: 1000 } },
        quote: {
          text: 'So the idea that you can wait and fetch an answer in three and five seconds is completely ridiculous.',
          timestamp: '22:52',
          speaker: 'host',
        },
        narration:
          'A long answer: at any per-token speed, a thousand tokens take a while. Compare the total answer time of the two machines.',
      },
      {
        panel: 'latency',
        highlight: 'llm-batch',
        patch: { llm: { prompt: 500, output: 100, batch: 32 } },
        quote: {
          text: 'In inference, what matters is how many tokens you can generate per millisecond or a couple of milliseconds.',
          timestamp: '24:00',
          speaker: 'ross',
        },
        narration:
          "Serve many users at once, as a GPU service must to keep cost down. Throughput rises; check whether each user's answer still fits the budget.",
        facts: [{ kind: 'systemThroughputVsPrevious', machine: 'gpu', change: 'rises' }],
      },
    ],
  },
];

export const TOURS: Tour[] = DEFS.map((d) => ({ ...d, base: presetScenario(d.basePreset) }));

export function findTour(id: string): Tour | undefined {
  return TOURS.find((t) => t.id === id);
}

/**
 * The scenario of one tour step: the base preset, the step's patch, its panel, and
 * `view.tour` pointing at the step. Null for an unknown tour or step.
 */
export function scenarioForTourStep(tourId: string, step: number): Scenario | null {
  const tour = findTour(tourId);
  const s = tour?.steps[step];
  if (!tour || !s) return null;
  const patched = applyPatch(tour.base, s.patch);
  return { ...patched, view: { ...patched.view, panel: s.panel, tour: { id: tour.id, step } } };
}
