// Imported first by each browser entry (main.tsx, engine.worker.ts), before any schema is
// built: zod reads this when a schema is created. Without it zod probes `new Function`,
// which the app's CSP (no 'unsafe-eval') refuses and reports as a violation on every load.
import { z } from 'zod';

z.config({ jitless: true });
