export function App() {
  return <h1>SRAM vs HBM</h1>;
}
