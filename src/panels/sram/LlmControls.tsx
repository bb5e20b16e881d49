export function LlmControls() {
  return null;
}
