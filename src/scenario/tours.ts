// Guided tours as data. Each step is its tour's base preset with the step's patch applied
// (steps are independent, so a link can open any step). Narration says where to look and
// why; it never states a figure the engine computes (the panels show those live).
// Quotes are verbatim from the talk transcript (src/scenario/fixtures/talk-transcript.txt,
// "Conversation with Groq CEO Jonathan Ross"), timestamp = the line the quote starts on.
import { applyPatch, type ScenarioPatch } from './patch';
import { presetScenario, type PresetId } from './presets';
import type { PanelId, Scenario } from './types';

export interface TourQuote {
  text: string;
  /** 'mm:ss' into the talk. */
  timestamp: string;
}

export interface TourStep {
  narration: string;
  panel: PanelId;
  /** A panel id or a control id (keys.ts `controlId`, e.g. 'llm-batch'). */
  highlight?: string;
  patch: ScenarioPatch;
  quote?: TourQuote;
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

const DEFS: TourDef[] = [
  {
    id: 'systolic-array',
    title: 'A systolic array multiplies, cycle by cycle',
    basePreset: 'default',
    steps: [
      {
        panel: 'dataflow',
        highlight: 'dataflow',
        patch: { view: { cycle: 0 } },
        quote: {
          text: 'the main algorithm that was consuming most of the CPU cycles at Google was matrix multiply,',
          timestamp: '06:36',
        },
        narration:
          'A neural network layer is mostly one operation: a matrix of activations times a matrix of weights. Here each weight sits in one cell of a grid of multiply-accumulate cells, loaded before the inputs arrive.',
      },
      {
        panel: 'dataflow',
        highlight: 'dataflow',
        patch: { view: { cycle: 4 } },
        quote: { text: "and then what we did was we came up with what's called a systolic array,", timestamp: '07:00' },
        narration:
          'Step the clock. Inputs enter at the left edge, each row one cycle behind the row above. That skew is what makes every value meet the right weight at the right moment: watch the diagonal wavefront.',
      },
      {
        panel: 'dataflow',
        highlight: 'dataflow',
        patch: { view: { cycle: 12 } },
        narration:
          'Every busy cell multiplies the input passing through by its weight, adds the partial sum arriving from above and hands both on. No cell fetches from memory: data moves one neighbour per cycle.',
      },
      {
        panel: 'dataflow',
        highlight: 'gemm-m',
        patch: { view: { cycle: 24 } },
        quote: { text: "I just didn't know what a systolic array was.", timestamp: '07:15' },
        narration:
          'Results leave the bottom edge in the same skewed order. Look at the SRAM counters: each operand was read once and then reused along a row or a column of cells.',
      },
      {
        panel: 'dataflow',
        highlight: 'gemm-k',
        patch: { gemm: { k: 20 }, view: { cycle: 0 } },
        narration:
          'Make the reduction dimension longer than the array is tall and the product no longer fits in one pass: the array folds, and partial sums go back to SRAM between passes. Watch the fold counter and the utilisation.',
      },
      {
        panel: 'dataflow',
        highlight: 'gemm-dataflow',
        patch: { gemm: { dataflow: 'os' }, view: { cycle: 0 } },
        quote: { text: 'It was just kind of the obvious way to do it,', timestamp: '07:20' },
        narration:
          'Switch to output stationary: each cell now keeps its own result while both operands flow past. Same answer, different traffic; compare the SRAM reads with the weight-stationary run.',
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
        highlight: 'latency',
        patch: { llm: { model: 'llama-2-7b' }, gpu: { gpus: 1, tp: 1 } },
        quote: {
          text: 'HBM is this high-bandwidth memory which is required to get performance because the speed at which you can run these applications depends on how quickly you can read that memory.',
          timestamp: '15:55',
        },
        narration:
          'Generating one token reads every weight of the model once, for a handful of arithmetic operations per byte. On the roofline, the decode point sits on the bandwidth slope, far below the compute ceiling.',
      },
      {
        panel: 'latency',
        highlight: 'gpu-gpu',
        patch: { llm: { model: 'llama-2-7b' }, gpu: { gpu: 'h200', gpus: 1, tp: 1 } },
        narration:
          'Swap in the H200: the same tensor cores as the H100, with faster HBM. Time per token follows the memory bandwidth, not the compute.',
      },
      {
        panel: 'latency',
        highlight: 'gpu-tflops-bf16',
        patch: { llm: { model: 'llama-2-7b' }, gpu: { gpus: 1, tp: 1, overrides: { tflopsBf16: 1978 } } },
        narration:
          'Back on the H100, double its 16-bit compute instead (an override). Time per token hardly moves: the tensor cores were waiting for data.',
      },
      {
        panel: 'latency',
        highlight: 'llm-weights',
        patch: { llm: { model: 'llama-2-7b', weights: 'fp8' }, gpu: { gpus: 1, tp: 1 } },
        narration:
          'Store the weights in 8 bits: fewer bytes to read per token. Watch time per token follow the bytes read.',
      },
      {
        panel: 'latency',
        highlight: 'llm-batch',
        patch: { llm: { model: 'llama-2-7b', batch: 32 }, gpu: { gpus: 1, tp: 1 } },
        quote: {
          text: 'including things like HBM, were really oriented around a world back then, which was everything was about training.',
          timestamp: '14:36',
        },
        narration:
          'Serve many users at once: one read of the weights now feeds every user in the batch. System throughput climbs while each user still waits on the same weight reads: the GPU trades latency for throughput.',
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
        highlight: 'sram',
        patch: {},
        quote: { text: "We didn't use external memory.", timestamp: '17:39' },
        narration:
          'Each chip has only its on-chip SRAM, a few hundred megabytes, and no external memory. The system must hold the whole model: read the number of chips chosen and how full each one is with weights.',
      },
      {
        panel: 'sram',
        highlight: 'llm-weights',
        patch: { llm: { weights: 'int8' } },
        quote: { text: 'So we used an older technology, 14 nanometer,', timestamp: '17:34' },
        narration: 'Store the weights in 8 bits and watch the number of chips needed fall.',
      },
      {
        panel: 'sram',
        highlight: 'llm-batch',
        patch: { llm: { batch: 8, prompt: 4096 } },
        narration:
          'The KV cache needs SRAM too: every user and every token of context adds keys and values on every layer. Raise batch and context and watch the KV share of each chip grow.',
      },
      {
        panel: 'sram',
        highlight: 'llm-model',
        patch: { llm: { model: 'llama-2-7b' } },
        narration: 'A 7B model, for scale: compare the chip count with the 70B model.',
      },
      {
        panel: 'sram',
        highlight: 'llm-model',
        patch: { llm: { model: 'falcon-180b' } },
        narration:
          'And a 180B model. This is the price of SRAM only: capacity is bought one chip at a time, so the chip count grows with the model.',
      },
    ],
  },
  {
    id: 'scaled-inference',
    title: 'Scaled inference: adding chips until the network dominates',
    basePreset: 'default',
    steps: [
      {
        panel: 'interconnect',
        highlight: 'interconnect',
        patch: {},
        quote: { text: 'it was very clear that inference was going to be a scaled problem.', timestamp: '12:16' },
        narration:
          'Start from the fewest chips that hold Llama-2-70B. One decode step runs layer after layer across them: the timeline shows compute on each chip and the transfers between chips.',
      },
      {
        panel: 'latency',
        highlight: 'lpu-chips',
        patch: { lpu: { chips: 1200 } },
        quote: {
          text: 'even though we had 170 GPUs versus 48 TPUs, the 48 TPUs won 99 out of 100 games with the exact same software.',
          timestamp: '12:34',
        },
        narration:
          'Add chips and watch time per token fall. At batch 1 every weight is streamed out of SRAM once per token, so a layer split over more chips gives each chip a smaller share to stream: the memory bar shrinks, and the engine picks a wider tensor-parallel group.',
      },
      {
        panel: 'latency',
        highlight: 'lpu-chips',
        patch: { lpu: { chips: 4000 } },
        quote: { text: "And so the insight was, let's build scaled inference.", timestamp: '12:49' },
        narration:
          'Keep adding: now it flattens. A wider group shortens each chip\'s SRAM streaming but every all-reduce spans more nodes. In the breakdown the network bar has caught up with memory: past this point the hops between chips, not the math or the SRAM, set the time per token, and the extra chips sit idle (see the SRAM tab).',
      },
      {
        panel: 'interconnect',
        highlight: 'lpu-topology',
        patch: { lpu: { chips: 4000, topology: 'ring' } },
        narration:
          'The same chips wired as a ring: the longest path now grows with the chip count, and the network dominates much sooner than on the dragonfly.',
      },
      {
        panel: 'latency',
        highlight: 'lpu-chips',
        patch: { lpu: { chips: 10000 } },
        quote: { text: 'we have hundreds or thousands of chips contributing', timestamp: '13:00' },
        narration:
          'The largest published system had 10,440 chips on a dragonfly. For this model, past the minimum that holds it, more chips add cost and power but not speed; they pay off when a bigger model, batch or context needs the SRAM.',
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
        highlight: 'latency',
        patch: {},
        quote: {
          text: "So right now, on a 180 billion parameter model, we run about 200 tokens per second, which I think is less than 50 on the next generation GPU that's coming out.",
          timestamp: '18:34',
        },
        narration:
          'Falcon-180B for one user on the SRAM-only system and on B200. Compare tokens per second per user with the two numbers in the quote.',
      },
      {
        panel: 'latency',
        highlight: 'gpu-gpu',
        patch: { gpu: { gpu: 'h100-sxm' } },
        quote: { text: "If you were to compare us to GPUs, we're typically five to 10x faster.", timestamp: '18:23' },
        narration:
          'Against the H100, the GPU most deployed at the time. Is the modelled ratio inside, above or below the quoted range?',
      },
      {
        panel: 'latency',
        highlight: 'llm-weights',
        patch: { gpu: { gpu: 'h100-sxm' }, llm: { weights: 'fp8' } },
        quote: { text: 'Apples to apples, like without using speculative decode and other things.', timestamp: '18:30' },
        narration:
          'Apples to apples also means the same number format on both machines. Drop the weights to 8 bits: the GPU reads half the bytes, the SRAM system needs fewer chips. Does the ratio hold?',
      },
      {
        panel: 'latency',
        highlight: 'lpu-price-usd-per-chip-hour',
        patch: {},
        quote: {
          text: "And then in total cost, we're about 1/10 the cost versus a modern GPU per token.",
          timestamp: '18:55',
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
        },
        narration:
          'A GPU serving many users shares every weight read among them, so its cost per token falls steeply with batch. Compare cost per million tokens again, and speed per user.',
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
        highlight: 'latency',
        patch: {},
        quote: {
          text: "I got some pings from NVIDIA engineers who said, we were a little embarrassed that they were claiming 30X 'cause it's nowhere near that.",
          timestamp: '20:25',
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
          'And with an 8-GPU NVLink domain like Hopper\'s: the expert traffic now leaves the node. What remains of the gap is the chip itself.',
      },
      {
        panel: 'latency',
        highlight: 'latency',
        patch: { gpu: { gpu: 'h100-sxm', overrides: { gpusPerNode: 8 } }, llm: { weights: 'fp8' } },
        quote: {
          text: 'If you were to compare that to the previous generation, that would be saying that the users, if you divide 50 by 30, are getting less than two tokens per second,',
          timestamp: '20:52',
        },
        narration:
          'Back on Hopper. Read its modelled speed per user and set it beside the quote: a 30x ratio at the quoted speed per user would leave Hopper users under two tokens per second.',
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
        highlight: 'latency',
        patch: { llm: { prompt: 500, output: 100 } },
        quote: {
          text: "There's an economic equation where if you deliver an experience to users under about 250 to 300 milliseconds, you maximize revenue.",
          timestamp: '22:39',
        },
        narration:
          'What a user waits for is the time to the first token plus the time to generate the rest. A short prompt and a hundred-token answer: which machine answers inside the budget?',
      },
      {
        panel: 'latency',
        highlight: 'llm-output',
        patch: { llm: { prompt: 500, output: 30 } },
        quote: { text: 'where you have a window of probably 300 milliseconds to get an answer back.', timestamp: '21:44' },
        narration: 'A one-sentence answer. Now the time to first token is a large share of the wait: compare it across the machines.',
      },
      {
        panel: 'latency',
        highlight: 'llm-prompt',
        patch: { llm: { prompt: 4000, output: 100 } },
        quote: {
          text: 'The number is every 100 milliseconds leads to 8% more engagement on desktop, 34% on mobile.',
          timestamp: '23:03',
        },
        narration:
          'A long prompt (a document, a chat history) has to be read before the first token. Watch the time to first token grow, and count the hundred-millisecond steps it adds.',
      },
      {
        panel: 'latency',
        highlight: 'llm-output',
        patch: { llm: { prompt: 500, output: 1000 } },
        quote: {
          text: 'So the idea that you can wait and fetch an answer in three and five seconds is completely ridiculous.',
          timestamp: '22:52',
        },
        narration: 'A long answer: at any per-token speed, a thousand tokens take a while. Compare the total answer time of the two machines.',
      },
      {
        panel: 'latency',
        highlight: 'llm-batch',
        patch: { llm: { prompt: 500, output: 100, batch: 32 } },
        quote: {
          text: 'In inference, what matters is how many tokens you can generate per millisecond or a couple of milliseconds.',
          timestamp: '24:00',
        },
        narration:
          'Serve many users at once, as a GPU service must to keep cost down. Throughput rises; check whether each user\'s answer still fits the budget.',
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
