// `npm run sim -- gemm --rows R --cols C --dataflow ws|os|is --m M --k K --n N [--seed S]
// [--engine auto|cycle|closed-form]`: one GEMM on one systolic array, one JSON object out.
import { DATAFLOWS, type GemmScenario } from '../scenario/types';
import { DEFAULT_SCENARIO } from '../scenario/defaults';
import { createSystolicEngine, foldGeometry, type EngineChoice } from '../engine/systolic';
import { loadWasmModule } from '../engine/wasmNode';
import { choiceFlag, intFlag, parseFlags, UsageError } from './args';
import { FIELDS } from '../scenario/fields';

/** The GEMM's flags, from the field registry. */
const GEMM_FLAGS = FIELDS.filter((f) => f.path.startsWith('gemm.') && f.cli !== undefined).map((f) => f.cli as string);

const ENGINES = ['auto', 'cycle', 'closed-form'] as const satisfies readonly EngineChoice[];
/** foldCycles printed in full up to this many folds. */
const FOLD_CYCLES_PRINTED = 256;
/** --engine cycle refuses runs beyond this many PE-cycles (hours of stepping). */
const MAX_FORCED_PE_CYCLES = 1e11;

export function parseGemmArgs(args: string[]): { gemm: GemmScenario; engine: EngineChoice } {
  const flags = parseFlags(args, [...GEMM_FLAGS, 'engine']);
  const gemm: GemmScenario = {
    rows: intFlag(flags, 'rows', 'gemm.rows'),
    cols: intFlag(flags, 'cols', 'gemm.cols'),
    dataflow: choiceFlag(flags, 'dataflow', DATAFLOWS),
    m: intFlag(flags, 'm', 'gemm.m'),
    k: intFlag(flags, 'k', 'gemm.k'),
    n: intFlag(flags, 'n', 'gemm.n'),
    seed: intFlag(flags, 'seed', 'gemm.seed', DEFAULT_SCENARIO.gemm.seed),
  };
  const engine = choiceFlag(flags, 'engine', ENGINES, 'auto');
  if (engine === 'cycle') {
    const geo = foldGeometry(gemm);
    const peCycles = gemm.rows * gemm.cols * geo.folds * geo.foldLength;
    if (peCycles > MAX_FORCED_PE_CYCLES)
      throw new UsageError(
        `--engine cycle: ${peCycles.toExponential(2)} PE-cycles is too many to step (limit ${MAX_FORCED_PE_CYCLES.toExponential(0)}); use --engine auto or closed-form`,
      );
  }
  return { gemm, engine };
}

export async function runGemmCli(args: string[]): Promise<void> {
  const { gemm, engine } = parseGemmArgs(args);
  const systolic = createSystolicEngine(await loadWasmModule('systolic'));
  const { result } = await systolic.run(gemm, { engine });
  const out = {
    ...result,
    seed: gemm.seed,
    foldCycles: result.foldCycles.slice(0, FOLD_CYCLES_PRINTED),
    foldCyclesTruncated: result.folds > FOLD_CYCLES_PRINTED,
    units: {
      cycles: 'cycles',
      utilization: 'fraction 0..1',
      mappingEfficiency: 'fraction 0..1',
      sram: 'accesses (one int8 operand or one int32 psum each)',
    },
  };
  process.stdout.write(JSON.stringify(out) + '\n');
}
