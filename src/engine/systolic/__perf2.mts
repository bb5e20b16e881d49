import { loadWasmModule } from '../wasmNode';
const mod = await loadWasmModule('systolic');
const inst = new WebAssembly.Instance(mod, { env: { abort() {} } });
const ex: any = inst.exports;
for (const df of [0,1,2]) {
ex.setup(128,128,df,256,512,512,1,1); ex.generateOperands();
const total = ex.foldCount()*ex.foldLength();
let t0 = performance.now(); ex.advance(total); let t1 = performance.now();
console.log(df, total, ((total*16384)/((t1-t0)/1000)/1e9).toFixed(3), 'G/s', (t1-t0).toFixed(0),'ms');
t0 = performance.now(); const ok = ex.outputMatchesMatmul(); t1 = performance.now(); console.log('verify', ok, (t1-t0).toFixed(0));
}
