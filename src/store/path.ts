// Immutable get/set by dotted path ('gemm.rows'), so controls name the field they edit.
export function getIn(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

export function setIn<T>(obj: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split('.');
  const base = (obj ?? {}) as Record<string, unknown>;
  const next = rest.length === 0 ? value : setIn(base[head], rest.join('.'), value);
  return { ...base, [head]: next } as T;
}
