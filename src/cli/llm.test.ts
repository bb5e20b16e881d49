import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SCENARIO, cloneScenario } from '../scenario/defaults';
import { parseLlmArgs, runLlmCliToObject } from './llm';
import { UsageError } from './args';
import { MAX_CONTEXT_TOKENS, validateField } from '../scenario/schema';

const base = ['--model', 'llama-2-70b', '--batch', '1', '--prompt', '1024', '--output', '256', '--weights', 'fp16'];

describe('llm CLI', () => {
  it('lpu with the minimum chips: fits, static schedule, rates consistent', async () => {
    const o = await runLlmCliToObject([...base, '--machine', 'lpu']);
    expect(o.fits).toBe(true);
    expect(o.chips).toBeGreaterThanOrEqual(o.chipsNeeded ?? Infinity);
    expect(o.p99TpotMs).toBe(o.tpotMs);
    expect(o.tokensPerSecondPerUser * o.tpotMs).toBeCloseTo(1000, 6);
    expect(o.costPerMillionTokensUsd).toBeGreaterThan(0);
    expect(o.joulesPerToken).toBeGreaterThan(0);
  });

  it('8 x H100: p99 above p50; 1 x H100 does not fit (exit 0, message naming 2 GPUs)', async () => {
    const eight = await runLlmCliToObject([...base, '--machine', 'h100-sxm', '--chips', '8']);
    expect(eight.fits && eight.chips === 8 && eight.tensorParallel === 8).toBe(true);
    expect(eight.p99TpotMs).toBeGreaterThan(eight.tpotMs);
    const one = await runLlmCliToObject([...base, '--machine', 'h100-sxm', '--chips', '1']);
    expect(one.fits).toBe(false);
    expect(one.message).toMatch(/needs 2 GPUs/);
  });

  it('--kv and --activations default to the weight width and can be set', async () => {
    const r = await parseLlmArgs([...base.slice(0, -1), 'int8', '--kv', 'fp8']);
    expect(r.scenario.llm).toMatchObject({ weights: 'int8', kv: 'fp8', activations: 'fp16' });
  });

  it('--stack and --batching reach the scenario; the same GPUs are faster under TensorRT-LLM than under PyTorch', async () => {
    const r = await parseLlmArgs([...base, '--machine', 'h100-sxm', '--stack', 'pytorch', '--batching', 'continuous']);
    expect(r.scenario.gpu.stack).toBe('pytorch');
    expect(r.scenario.llm.batching).toBe('continuous');
    const pt = await runLlmCliToObject([...base, '--machine', 'a100-80gb', '--chips', '8', '--stack', 'pytorch']);
    const trt = await runLlmCliToObject([...base, '--machine', 'a100-80gb', '--chips', '8', '--stack', 'tensorrt-llm']);
    expect(pt.tpotMs).not.toBe(trt.tpotMs);
    await expect(parseLlmArgs([...base, '--machine', 'h100-sxm', '--stack', 'deepspeed'])).rejects.toThrow(
      /--stack must be one of pytorch, tensorrt-llm, vllm/,
    );
    await expect(parseLlmArgs([...base, '--batching', 'dynamic'])).rejects.toThrow(/--batching must be one of static, continuous/);
    await expect(parseLlmArgs([...base, '--machine', 'lpu', '--stack', 'vllm'])).rejects.toThrow(/--stack applies to GPU machines only/);
  });

  it.each(['deepseek-v3', 'llama-4-maverick', 'llama-4-scout', 'qwen3-235b-a22b', 'gpt-oss-120b', 'kimi-k2'])(
    '--model %s returns results on the SRAM machine and on B200s',
    async (model) => {
      const args = ['--model', model, '--weights', model === 'gpt-oss-120b' ? 'mxfp4' : 'fp8'];
      for (const machine of ['lpu', 'b200']) {
        const o = await runLlmCliToObject([...args, '--machine', machine]);
        expect(o.fits, `${model} on ${machine}: ${o.message ?? ''}`).toBe(true);
        expect(o.tokensPerSecondPerUser).toBeGreaterThan(0);
        expect(o.ttftMs).toBeGreaterThan(0);
      }
    },
    60_000,
  );

  it('a model needing more chips than a system may have says so instead of failing', async () => {
    const o = await runLlmCliToObject(['--model', 'kimi-k2', '--machine', 'lpu', '--batch', '1024', '--prompt', '65536']);
    expect(o.fits).toBe(false);
    expect(o.message).toMatch(/Kimi K2 .* needs \d+ chips, more than the 20000 a system may have here/);
  });

  it.each(['groq3-lpx', 'cerebras-wse3', 'b300', 'gb300-nvl72', 'rubin-nvl72'])('--machine %s returns results', async (machine) => {
    const out = await runLlmCliToObject(['--model', 'llama-3.1-70b', '--machine', machine, '--batch', '1', '--weights', 'fp8']);
    expect(out.machine).toBe(machine);
    expect(out.fits).toBe(true);
    expect(out.tokensPerSecondPerUser).toBeGreaterThan(0);
    expect(out.costPerHourUsd).toBeGreaterThan(0);
  });

  it('an SRAM machine keeps its own figures: a wafer holds what a GroqChip cannot', async () => {
    const wafer = await runLlmCliToObject(['--model', 'llama-3.1-70b', '--machine', 'cerebras-wse3', '--batch', '1', '--weights', 'fp16']);
    const groq = await runLlmCliToObject(['--model', 'llama-3.1-70b', '--machine', 'lpu', '--batch', '1', '--weights', 'fp16']);
    // 141 GB of fp16 weights: four 44 GB wafers and one for the head, vs hundreds of 230 MB chips
    expect(wafer.chips).toBeLessThanOrEqual(6);
    expect(groq.chips).toBeGreaterThan(500);
    expect(wafer.name).toMatch(/Cerebras/);
  });

  it('malformed arguments are usage errors naming the flag', async () => {
    await expect(parseLlmArgs(['--model', 'gpt-5'])).rejects.toThrow(/--model must be one of/);
    await expect(parseLlmArgs(['--batch', '0'])).rejects.toThrow(UsageError);
    await expect(parseLlmArgs(['--machine', 'h100-sxm', '--topology', 'ring'])).rejects.toThrow(
      /--topology applies to the SRAM machines only/,
    );
    await expect(runLlmCliToObject(['--machine', 'lpu', '--chips', '100'])).rejects.toThrow(/multiple of chipsPerNode/);
  });

  it('accepts exactly what the app accepts: each value the app refuses is refused, naming the flag', async () => {
    const tries: [flag: string, field: string, values: number[]][] = [
      ['batch', 'llm.batch', [0, 1, 4096, 4097]],
      [
        'prompt',
        'llm.prompt',
        [0, 1, 1024, MAX_CONTEXT_TOKENS - 256, MAX_CONTEXT_TOKENS - 255, MAX_CONTEXT_TOKENS, MAX_CONTEXT_TOKENS + 1],
      ],
      ['output', 'llm.output', [0, 1, 256, MAX_CONTEXT_TOKENS - 1024, MAX_CONTEXT_TOKENS - 1023, MAX_CONTEXT_TOKENS]],
    ];
    const context = cloneScenario(DEFAULT_SCENARIO); // prompt 1024, output 256, like `base`
    context.llm = { ...context.llm, prompt: 1024, output: 256 };
    for (const [flag, field, values] of tries) {
      for (const v of values) {
        const args = [...base.filter((_, i, a) => a[i] !== `--${flag}` && a[i - 1] !== `--${flag}`), `--${flag}`, String(v)];
        const appSays = validateField(field, v, context);
        const cli = parseLlmArgs(args);
        if (appSays === null) await expect(cli, `--${flag} ${v}`).resolves.toBeTruthy();
        // Named by its flag, or by the rule between fields that it breaks.
        else await expect(cli, `--${flag} ${v}`).rejects.toThrow(new RegExp(`^--${flag}|^--\\w+: .*${field.replace('.', '\\.')}`));
      }
    }
    // The case from the issue: both at the context length.
    await expect(parseLlmArgs(['--prompt', String(MAX_CONTEXT_TOKENS), '--output', String(MAX_CONTEXT_TOKENS)])).rejects.toThrow(
      /--output: llm\.prompt \+ llm\.output must be at most 131072 tokens/,
    );
  });

  it('--chips takes the limits of the field it sets (lpu.chips or gpu.gpus)', async () => {
    await expect(parseLlmArgs(['--machine', 'h100-sxm', '--chips', '4097'])).rejects.toThrow(/--chips must be 1\.\.4096/);
    await expect(parseLlmArgs(['--machine', 'lpu', '--chips', '20001'])).rejects.toThrow(/--chips must be 1\.\.20000/);
    expect((await parseLlmArgs(['--machine', 'h100-sxm', '--chips', '4096'])).scenario.gpu.gpus).toBe(4096);
  });

  it('reads a scenario file; a file with a bad field is a usage error naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'llm-cli-'));
    const good = cloneScenario(DEFAULT_SCENARIO);
    good.llm.model = 'llama-2-7b';
    good.gpu.gpus = 1;
    writeFileSync(join(dir, 'good.json'), JSON.stringify(good));
    const o = await runLlmCliToObject(['--scenario', join(dir, 'good.json'), '--machine', 'h100-sxm']);
    expect(o.model).toBe('Llama-2 7B');
    expect(o.chips).toBe(1);
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...good, llm: { ...good.llm, batch: -3 } }));
    await expect(runLlmCliToObject(['--scenario', join(dir, 'bad.json')])).rejects.toThrow(/llm\.batch/);
    await expect(parseLlmArgs(['--scenario', join(dir, 'good.json'), '--batch', '2'])).rejects.toThrow(/cannot be combined/);
  });
});

describe('the bin entry (npx lpu-explainer)', () => {
  it('answers in one process: JSON on stdout, or one line on stderr and a non-zero exit', () => {
    const ok = spawnSync(process.execPath, ['bin/lpu-explainer.mjs', 'llm', '--model', 'llama-2-7b', '--batch', '2'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    const out = JSON.parse(ok.stdout) as { machine: string; fits: boolean; workload: { batch: number } };
    expect(out).toMatchObject({ machine: 'lpu', fits: true, workload: { batch: 2 } });
    const bad = spawnSync(process.execPath, ['bin/lpu-explainer.mjs', 'llm', '--batch', '0'], { encoding: 'utf8' });
    expect(bad.status).not.toBe(0);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/--batch must be 1\.\.4096/);
  });
});

describe('llm CLI --speculative', () => {
  const base = ['--model', 'llama-2-70b', '--machine', 'h100-sxm', '--batch', '1'];
  it('a prediction head that is often right makes each user faster; off is plain decoding', async () => {
    const plain = await runLlmCliToObject(base);
    const off = await runLlmCliToObject([...base, '--speculative', 'off']);
    const mtp = await runLlmCliToObject([...base, '--speculative', 'mtp,k=3,accept=0.8']);
    expect(off.tokensPerSecondPerUser).toBe(plain.tokensPerSecondPerUser);
    expect(mtp.tokensPerSecondPerUser).toBeGreaterThan(1.5 * plain.tokensPerSecondPerUser);
    expect(mtp.speculation?.tokensPerStep).toBeCloseTo(1 + 0.8 + 0.64 + 0.512, 10);
    expect(mtp.workload.speculative).toEqual({ mode: 'mtp', draft: 'llama-2-7b', k: 3, accept: 0.8 });
  });
  it('bad values name the flag and the limit', async () => {
    await expect(parseLlmArgs([...base, '--speculative', 'mtp,k=40'])).rejects.toThrow(/--speculative: .*1\.\.16/);
    await expect(parseLlmArgs([...base, '--speculative', 'mtp,accept=1'])).rejects.toThrow(/--speculative: .*below 1/);
    await expect(parseLlmArgs([...base, '--speculative', 'draft=gpt-5'])).rejects.toThrow(/--speculative: draft must be one of/);
    await expect(parseLlmArgs([...base, '--speculative', 'eagle'])).rejects.toThrow(/--speculative must be off, mtp/);
    await expect(runLlmCliToObject([...base, '--speculative', 'draft=llama-3.1-405b'])).rejects.toThrow(
      /must be smaller than the model it drafts for/,
    );
  });
});

describe('llm CLI --prefill-machine', () => {
  const base = ['--model', 'llama-3.1-70b', '--batch', '1', '--prompt', '4096', '--output', '256', '--weights', 'fp8'];
  it('Rubin prefills, the LPX decodes: the pair takes Rubin TTFT + the transfer and the LPX time per token', async () => {
    const pair = await runLlmCliToObject([...base, '--machine', 'groq3-lpx', '--prefill-machine', 'rubin-nvl72']);
    const rubin = await runLlmCliToObject([...base, '--machine', 'rubin-nvl72']);
    const lpx = await runLlmCliToObject([...base, '--machine', 'groq3-lpx']);
    const p = pair.pair;
    if (!p || !p.fits) throw new Error(`pair should fit: ${p && !p.fits ? p.message : 'absent'}`);
    expect(pair.prefill).toMatchObject({ machine: 'rubin-nvl72', fits: true, ttftMs: rubin.ttftMs });
    expect(p.prefillName).toBe(rubin.name);
    expect(p.decodeName).toBe(lpx.name);
    expect(p.transferMs).toBeGreaterThan(0);
    expect(p.ttftMs).toBeCloseTo(rubin.ttftMs + p.transferMs, 9);
    expect(p.tpotMs).toBe(lpx.tpotMs);
    expect(p.tpotMs).toBeLessThan(rubin.tpotMs);
    // the pair pays for both machines
    expect(p.costPerHourUsd).toBeCloseTo(rubin.costPerHourUsd + lpx.costPerHourUsd, 6);
  });

  it('--prefill-chips sizes the prefill machine; the other way round, the SRAM machine prefills', async () => {
    const eight = await runLlmCliToObject([...base, '--machine', 'lpu', '--prefill-machine', 'h100-sxm', '--prefill-chips', '8']);
    expect(eight.prefill?.chips).toBe(8);
    const four = await runLlmCliToObject([...base, '--machine', 'lpu', '--prefill-machine', 'h100-sxm', '--prefill-chips', '4']);
    expect(four.prefill?.chips).toBe(4);
    expect(four.prefill!.ttftMs).toBeGreaterThan(eight.prefill!.ttftMs);
    const rev = await runLlmCliToObject([...base, '--machine', 'h100-sxm', '--chips', '8', '--prefill-machine', 'lpu']);
    expect(rev.pair && rev.pair.fits && rev.pair.decodeName).toBe(rev.name);
    expect(rev.workload.disagg).toBe('sram-to-gpu');
  });

  it('a prefill machine that cannot hold the model is named; a same-kind pair and a lone --prefill-chips are refused', async () => {
    // 70B in fp16 is 141 GB: more than one 80 GB H100
    const fp16 = [...base.slice(0, -1), 'fp16'];
    const small = await runLlmCliToObject([...fp16, '--machine', 'lpu', '--prefill-machine', 'h100-sxm', '--prefill-chips', '1']);
    expect(small.pair?.fits).toBe(false);
    expect(small.pair && !small.pair.fits && small.pair.message).toMatch(/prefill machine \(.*H100.*\) cannot hold the model/);
    await expect(parseLlmArgs([...base, '--machine', 'lpu', '--prefill-machine', 'groq3-lpx'])).rejects.toThrow(
      /--prefill-machine must be a GPU .* when --machine is lpu/,
    );
    await expect(parseLlmArgs([...base, '--machine', 'b200', '--prefill-machine', 'h100-sxm'])).rejects.toThrow(
      /--prefill-machine must be an SRAM machine/,
    );
    await expect(parseLlmArgs([...base, '--machine', 'lpu', '--prefill-chips', '8'])).rejects.toThrow(
      /--prefill-chips needs --prefill-machine/,
    );
    await expect(parseLlmArgs([...base, '--machine', 'lpu', '--prefill-machine', 'tpu-v9'])).rejects.toThrow(
      /--prefill-machine must be one of/,
    );
  });
});
