// Shared argument parsing for the CLI commands: `--name value` pairs, strict. Limits come
// from the scenario schema, and input is shown inert (showValue) in messages.
import { leafAt, showKey, showValue, type Problem } from '../scenario/schema';

export class UsageError extends Error {}

/** Parses `--key value` pairs; rejects positional arguments, repeats and missing values. */
export function parseFlags(args: string[], allowed: readonly string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) {
    const key = args[i];
    if (!key.startsWith('--')) throw new UsageError(`unexpected argument ${showValue(key)}`);
    const name = key.slice(2);
    if (!allowed.includes(name))
      throw new UsageError(`unknown option --${showKey(name)} (allowed: ${allowed.map((a) => '--' + a).join(', ')})`);
    if (flags.has(name)) throw new UsageError(`--${name} given twice`);
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
    flags.set(name, value);
  }
  return flags;
}

/**
 * An integer flag setting scenario field `path`, within the limits the app's schema sets for
 * that field (the CLI accepts exactly what the app accepts), with a message naming the flag.
 */
export function intFlag(flags: Map<string, string>, name: string, path: string, fallback?: number): number {
  const info = leafAt(path);
  if (!info || (info.spec.kind !== 'int' && info.spec.kind !== 'nullableInt')) throw new Error(`${path} is not an integer scenario field`);
  const { min, max } = info.spec;
  const raw = flags.get(name);
  if (raw === undefined) {
    if (fallback === undefined) throw new UsageError(`--${name} is required (an integer ${min}..${max})`);
    return fallback;
  }
  if (!/^-?\d+$/.test(raw)) throw new UsageError(`--${name} must be an integer ${min}..${max}, got ${showValue(raw)}`);
  const v = Number(raw);
  if (!info.schema.safeParse(v).success)
    throw new UsageError(`--${name} must be ${min}..${max}, got ${raw.length > 20 ? `${raw.slice(0, 20)}...` : v}`);
  return v;
}

/** Refuses a scenario the app's validator has problems with, naming the flag behind each. */
export function refuseProblems(problems: readonly Problem[], flagOf: (field: string) => string | undefined): void {
  if (problems.length === 0) return;
  throw new UsageError(
    problems
      .map((p) => {
        const flag = flagOf(p.field);
        return flag ? `--${flag}: ${p.message}` : `${p.field}: ${p.message}`;
      })
      .join('; '),
  );
}

export function choiceFlag<T extends string>(flags: Map<string, string>, name: string, choices: readonly T[], fallback?: T): T {
  const raw = flags.get(name);
  if (raw === undefined) {
    if (fallback === undefined) throw new UsageError(`--${name} is required (one of ${choices.join(', ')})`);
    return fallback;
  }
  if (!(choices as readonly string[]).includes(raw))
    throw new UsageError(`--${name} must be one of ${choices.join(', ')}, got ${showValue(raw)}`);
  return raw as T;
}
