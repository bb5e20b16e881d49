// Scenario files (export/import): the same document a link carries, as JSON, read by the
// same validator (parseScenario) so a file and a link fail and recover the same way.
import { parseScenario, type ParseResult } from './parse';
import { showValue } from './schema';
import { jsonErrorWhere } from './jsonErrorAt';
import { DEFAULT_SCENARIO, cloneScenario } from './defaults';
import type { Scenario } from './types';

/** Larger files are refused unread (a scenario is about 2 kB). */
export const MAX_FILE_CHARS = 200_000;

export function scenarioToJson(s: Scenario): string {
  return `${JSON.stringify(s, null, 2)}\n`;
}

/** Never throws; the scenario is always valid (defaults for what is missing or bad). */
export function scenarioFromJson(text: string): ParseResult {
  const fail = (message: string): ParseResult => ({
    scenario: cloneScenario(DEFAULT_SCENARIO),
    problems: [{ field: 'file', message }],
  });
  if (typeof text !== 'string') return fail(`a scenario file must be text; got ${showValue(text)}`);
  if (text.length > MAX_FILE_CHARS) {
    return fail(`the file is ${text.length} characters long, more than the ${MAX_FILE_CHARS} a scenario can be; the defaults are used`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // Where, not what: the parser's own message quotes the input (escape codes and all).
    return fail(`the file is not valid JSON: ${jsonErrorWhere(text)}; the defaults are used`);
  }
  return parseScenario(json, { what: 'file' });
}
