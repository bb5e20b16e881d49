// Shared argument parsing for the CLI commands: `--name value` pairs, strict.
export class UsageError extends Error {}

/** Parses `--key value` pairs; rejects positional arguments, repeats and missing values. */
export function parseFlags(args: string[], allowed: readonly string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) {
    const key = args[i];
    if (!key.startsWith('--')) throw new UsageError(`unexpected argument "${key}"`);
    const name = key.slice(2);
    if (!allowed.includes(name)) throw new UsageError(`unknown option --${name} (allowed: ${allowed.map((a) => '--' + a).join(', ')})`);
    if (flags.has(name)) throw new UsageError(`--${name} given twice`);
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
    flags.set(name, value);
  }
  return flags;
}

/** An integer flag within [min, max], with a message naming the flag and its limits. */
export function intFlag(flags: Map<string, string>, name: string, min: number, max: number, fallback?: number): number {
  const raw = flags.get(name);
  if (raw === undefined) {
    if (fallback === undefined) throw new UsageError(`--${name} is required (an integer ${min}..${max})`);
    return fallback;
  }
  if (!/^-?\d+$/.test(raw)) throw new UsageError(`--${name} must be an integer ${min}..${max}, got "${raw}"`);
  const v = Number(raw);
  if (v < min || v > max) throw new UsageError(`--${name} must be ${min}..${max}, got ${v}`);
  return v;
}

export function choiceFlag<T extends string>(flags: Map<string, string>, name: string, choices: readonly T[], fallback?: T): T {
  const raw = flags.get(name);
  if (raw === undefined) {
    if (fallback === undefined) throw new UsageError(`--${name} is required (one of ${choices.join(', ')})`);
    return fallback;
  }
  if (!(choices as readonly string[]).includes(raw)) throw new UsageError(`--${name} must be one of ${choices.join(', ')}, got "${raw}"`);
  return raw as T;
}
