import './zodJitless'; // first: before any zod schema is created
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { prewarmEngine } from './worker/client';

// Before the first render: the LLM engine's worker loads, compiles and computes the default
// scenario while the page renders (src/worker/engine.worker.ts, warm-up).
prewarmEngine('llm');
createRoot(document.getElementById('root')!).render(<App />);
