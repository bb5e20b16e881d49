// `--speculative off | mtp[,k=N][,accept=P] | draft=MODEL[,k=N][,accept=P]`: the four
// llm.speculative fields in one flag; each value within the limits the app's schema sets.
import { MODEL_IDS, type Speculation } from '../scenario/types';
import { showValue, validateField } from '../scenario/schema';
import { UsageError } from './args';

const USAGE = 'off, mtp[,k=N][,accept=P] or draft=MODEL[,k=N][,accept=P]';

export function parseSpeculative(raw: string, fallback: Speculation): Speculation {
  const [head, ...rest] = raw.split(',');
  const out: Speculation = { ...fallback };
  if (head === 'off' || head === 'mtp') out.mode = head;
  else if (head.startsWith('draft=')) {
    const id = head.slice('draft='.length);
    if (!(MODEL_IDS as readonly string[]).includes(id))
      throw new UsageError(`--speculative: draft must be one of ${MODEL_IDS.join(', ')}, got ${showValue(id)}`);
    out.mode = 'draft';
    out.draft = id as Speculation['draft'];
  } else throw new UsageError(`--speculative must be ${USAGE}, got ${showValue(raw)}`);
  const seen = new Set<string>();
  for (const part of rest) {
    const [key, value, extra] = part.split('=');
    if ((key !== 'k' && key !== 'accept') || value === undefined || extra !== undefined)
      throw new UsageError(`--speculative must be ${USAGE}, got ${showValue(raw)}`);
    if (seen.has(key)) throw new UsageError(`--speculative: ${key} given twice`);
    seen.add(key);
    const v = Number(value);
    const problem = value.trim() === '' || !Number.isFinite(v) ? 'must be a number' : validateField(`llm.speculative.${key}`, v);
    if (problem)
      throw new UsageError(
        `--speculative: ${problem === 'must be a number' ? `${key} must be a number, got ${showValue(value)}` : problem}`,
      );
    out[key] = v;
  }
  return out;
}
