export function SramPanel() {
  return <section className="panel" data-panel="sram"><h2>Sram</h2><p>Coming soon.</p></section>;
}
