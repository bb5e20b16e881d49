export function InterconnectPanel() {
  return <section className="panel" data-panel="interconnect"><h2>Interconnect</h2><p>Coming soon.</p></section>;
}
