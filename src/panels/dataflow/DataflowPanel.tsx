export function DataflowPanel() {
  return <section className="panel" data-panel="dataflow"><h2>Dataflow</h2><p>Coming soon.</p></section>;
}
