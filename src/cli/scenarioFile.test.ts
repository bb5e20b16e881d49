import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SCENARIO } from '../scenario/defaults';
import { MAX_FILE_CHARS } from '../scenario/file';
import { UsageError } from './args';
import { MAX_SCENARIO_BYTES, readScenarioJson, readScenarioText } from './scenarioFile';
import { runLlmCliToObject } from './llm';

const dir = mkdtempSync(join(tmpdir(), 'scenario-file-'));
const ESC = '\x1b';

/** Fails instead of hanging when a read blocks (a FIFO with no writer never ends). */
function withinSeconds<T>(p: Promise<T>, s: number): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`still reading after ${s} s`)), s * 1000))]);
}

describe('--scenario FILE', () => {
  it('refuses a FIFO at once, without opening it (an open would block for a writer)', async () => {
    const fifo = join(dir, 'pipe.json');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    await expect(withinSeconds(readScenarioText(fifo), 5)).rejects.toThrow(/is a FIFO \(named pipe\): give a scenario \.json file/);
    await expect(withinSeconds(runLlmCliToObject(['--scenario', fifo]), 5)).rejects.toBeInstanceOf(UsageError);
  });

  it('refuses devices and directories', async () => {
    await expect(readScenarioText('/dev/zero')).rejects.toThrow(/is a character device/);
    await expect(readScenarioText(dir)).rejects.toThrow(/is a directory/);
    await expect(readScenarioText(join(dir, 'missing.json'))).rejects.toThrow(/cannot be read \(ENOENT\)/);
  });

  it('takes a file of exactly the size limit and refuses one character more', async () => {
    const doc = JSON.stringify({ ...DEFAULT_SCENARIO, llm: { ...DEFAULT_SCENARIO.llm, batch: 3 } });
    const atLimit = join(dir, 'at-limit.json');
    writeFileSync(atLimit, doc + ' '.repeat(MAX_FILE_CHARS - doc.length));
    expect(((await readScenarioJson(atLimit)) as { llm: { batch: number } }).llm.batch).toBe(3);
    const over = join(dir, 'over.json');
    writeFileSync(over, doc + ' '.repeat(MAX_FILE_CHARS + 1 - doc.length));
    await expect(readScenarioText(over)).rejects.toThrow(
      `is ${MAX_FILE_CHARS + 1} characters long, more than a scenario file can be (at most ${MAX_FILE_CHARS} characters)`,
    );
  });

  it('refuses a file too big to hold a scenario by its size, unread', async () => {
    const huge = join(dir, 'huge.json');
    writeFileSync(huge, Buffer.alloc(MAX_SCENARIO_BYTES + 1, 0x20));
    await expect(readScenarioText(huge)).rejects.toThrow(`is ${MAX_SCENARIO_BYTES + 1} bytes, more than a scenario file can be`);
  });

  it('never echoes the file: escape codes in a broken file give a position, not content', async () => {
    const evil = join(dir, 'evil.json');
    writeFileSync(evil, `{"v":2,${ESC}]0;owned${ESC}\\${ESC}[2J${ESC}[31m}`);
    const e = await readScenarioJson(evil).catch((x: unknown) => x as Error);
    expect(e).toBeInstanceOf(UsageError);
    const message = (e as Error).message;
    expect(message).toMatch(/is not valid JSON: at line 1, column 8 \(character 8 of 28\)$/);
    expect(message).not.toMatch(/[\x00-\x1f\x7f]/);
    expect(message).not.toContain('owned');
    expect(message).not.toContain('[2J');
    const truncated = join(dir, 'truncated.json');
    writeFileSync(truncated, '{"v":2');
    await expect(readScenarioJson(truncated)).rejects.toThrow(/is not valid JSON: it ends early \(after 6 characters\)/);
    const binary = join(dir, 'binary.json');
    writeFileSync(binary, Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    await expect(readScenarioText(binary)).rejects.toThrow(/is not UTF-8 text \(4 bytes\)/);
  });

  it('shows the path inert: control characters in a file name are escaped', async () => {
    const named = join(dir, `x${ESC}[31m.json`);
    await expect(readScenarioText(named)).rejects.toThrow(/x\\u001b\[31m\.json" cannot be read/);
  });

  it('as a process: a FIFO exits 1 at once with one line on stderr', () => {
    const fifo = join(dir, 'pipe2.json');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const r = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'llm', '--scenario', fifo], { encoding: 'utf8', timeout: 30_000 });
    expect(r.signal).toBeNull(); // not killed by the timeout
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/FIFO/);
  }, 60_000);
});
