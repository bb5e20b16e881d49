// `--scenario FILE`: a regular file only (a FIFO would block forever, a device never ends),
// read up to the scenario size limit and no further, and errors that say where and how big,
// never what the file holds (its bytes may be terminal escape codes).
import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { MAX_FILE_CHARS } from '../scenario/file';
import { UsageError } from './args';
import { jsonErrorWhere } from '../scenario/jsonErrorAt';

/** UTF-8 takes at most 3 bytes per UTF-16 code unit, so a longer file has too many characters. */
export const MAX_SCENARIO_BYTES = MAX_FILE_CHARS * 3;

/** A path as typed, with anything a terminal might act on written as \uXXXX. */
export function showPath(path: string): string {
  return `"${path.replace(/[^\x20-\x7e]|"/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

function tooLong(shown: string, size: string): UsageError {
  return new UsageError(`--scenario: ${shown} is ${size}, more than a scenario file can be (at most ${MAX_FILE_CHARS} characters)`);
}

/** The file's text, checked for kind and size before and while it is read. */
export async function readScenarioText(file: string): Promise<string> {
  const shown = showPath(file);
  const refuse = (why: string): UsageError => new UsageError(`--scenario: ${shown} ${why}`);
  let st: Stats;
  try {
    st = await stat(file);
  } catch (e) {
    throw refuse(`cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (!st.isFile()) throw refuse(`is ${kindOf(st)}: give a scenario .json file`);
  if (st.size > MAX_SCENARIO_BYTES) throw tooLong(shown, `${st.size} bytes`);
  // Non-blocking open, then the kind again: the path may have been swapped for a FIFO since stat.
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw refuse(`cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    const now = await handle.stat();
    if (!now.isFile()) throw refuse(`is ${kindOf(now)}: give a scenario .json file`);
    // One byte beyond the limit tells a file that grew since stat from one that fits.
    const buf = Buffer.alloc(MAX_SCENARIO_BYTES + 1);
    let used = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buf, used, buf.length - used, null);
      if (bytesRead === 0) break;
      used += bytesRead;
      if (used === buf.length) throw tooLong(shown, `more than ${MAX_SCENARIO_BYTES} bytes`);
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, used));
    } catch {
      throw refuse(`is not UTF-8 text (${used} bytes)`);
    }
    if (text.length > MAX_FILE_CHARS) throw tooLong(shown, `${text.length} characters long`);
    return text;
  } finally {
    await handle.close();
  }
}

/** The file's JSON document; a syntax error is reported by line, column and length. */
export async function readScenarioJson(file: string): Promise<unknown> {
  const text = await readScenarioText(file);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new UsageError(`--scenario: ${showPath(file)} is not valid JSON: ${jsonErrorWhere(text)}`);
  }
}
