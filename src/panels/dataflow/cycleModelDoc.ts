// Where the cycle model is written down (repository path; the README links it too).
export const CYCLE_MODEL_PATH = 'docs/cycle-model.md';
