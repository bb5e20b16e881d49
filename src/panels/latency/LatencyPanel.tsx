export function LatencyPanel() {
  return <section className="panel" data-panel="latency"><h2>Latency</h2><p>Coming soon.</p></section>;
}
