import { loadWasmModule } from '../wasmNode';
const mod = await loadWasmModule('systolic');
const inst = new WebAssembly.Instance(mod, { env: { abort() {} } });
const ex: any = inst.exports;
let t0 = performance.now();
ex.setup(128,128,1,512,4096,4096,1,0);
let t1 = performance.now(); console.log('setup', (t1-t0).toFixed(1));
for (const at of [-1, 10, 1000, 4000, 4300]) {
t0 = performance.now(); ex.seedState(5, at); t1 = performance.now(); console.log('seed', at, (t1-t0).toFixed(1));
t0 = performance.now(); for (let i=0;i<64;i++) ex.advance(1); t1 = performance.now(); console.log('64 advance', (t1-t0).toFixed(1));
}
