// Scenario files (export/import): the same document a link carries, as JSON, read by the
// same validator (parseScenario) so a file and a link recover from bad fields the same way.
// A file that is not a scenario at all (not JSON, not an object, none of a scenario's
// sections, a newer format) is refused whole: the app keeps the scenario it has.
import { parseScenario, type ParseResult, type Problem } from './parse';
import { showValue } from './schema';
import { jsonErrorWhere } from './jsonErrorAt';
import { DEFAULT_SCENARIO, cloneScenario } from './defaults';
import { SCENARIO_VERSION, type Scenario } from './types';

/** Larger files are refused unread (a scenario is about 2 kB). */
export const MAX_FILE_CHARS = 200_000;

/** Top-level sections of a scenario document; a file with none of them is not one. */
const SCENARIO_SECTIONS = ['gemm', 'llm', 'lpu', 'gpu', 'view', 'classroom'] as const;

export function scenarioToJson(s: Scenario): string {
  return `${JSON.stringify(s, null, 2)}\n`;
}

type FileRead = { ok: true; scenario: Scenario; problems: Problem[] } | { ok: false; problems: Problem[] };

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return `a ${typeof v}`;
}

/**
 * Reads a scenario file. ok: a scenario (bad fields replaced by the defaults and named);
 * not ok: the file is not a scenario and the problems say why. Never throws.
 */
export function readScenarioFile(text: string): FileRead {
  const refuse = (message: string): FileRead => ({ ok: false, problems: [{ field: 'file', message }] });
  if (typeof text !== 'string') return refuse(`a scenario file must be text; got ${showValue(text)}`);
  if (text.length > MAX_FILE_CHARS) {
    return refuse(`the file is ${text.length} characters long, more than the ${MAX_FILE_CHARS} a scenario can be`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // Where, not what: the parser's own message quotes the input (escape codes and all).
    return refuse(`the file is not valid JSON: ${jsonErrorWhere(text)}`);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return refuse(`a scenario file holds one JSON object; this file holds ${kindOf(json)}`);
  }
  const doc = json as Record<string, unknown>;
  if (typeof doc.v === 'number' && Number.isInteger(doc.v) && doc.v > SCENARIO_VERSION) {
    return refuse(`the file is scenario format version ${doc.v}, newer than this app reads (${SCENARIO_VERSION})`);
  }
  if (!SCENARIO_SECTIONS.some((k) => Object.prototype.hasOwnProperty.call(doc, k))) {
    return refuse(`the file has none of a scenario's sections (${SCENARIO_SECTIONS.join(', ')}): it is not a scenario`);
  }
  const parsed = parseScenario(json, { what: 'file' });
  // A problem about the whole file means parseScenario gave up on it.
  if (parsed.problems.some((p) => p.field === 'file')) return { ok: false, problems: parsed.problems };
  return { ok: true, scenario: parsed.scenario, problems: parsed.problems };
}

/** Never throws; the scenario is always valid (the defaults when the file is refused). */
export function scenarioFromJson(text: string): ParseResult {
  const r = readScenarioFile(text);
  return r.ok ? { scenario: r.scenario, problems: r.problems } : { scenario: cloneScenario(DEFAULT_SCENARIO), problems: r.problems };
}
