export function GemmControls() {
  return null;
}
