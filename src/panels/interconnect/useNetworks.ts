// The networks the interconnect panel draws, with their links and events: from the result when
// it carries them (the run was made with this panel on screen), else asked of the worker for that
// result's inputs (the run was made on another tab and left them out: worker/networkDetail.ts).
import { useEffect, useState } from 'react';
import type { LlmResult } from '../../engine/types';
import { useStore } from '../../store/store';
import { callEngine } from '../../worker/client';
import { lacksNetworkDetail, networksOf, type LlmNetworks } from '../../worker/networkDetail';

type Networks = LlmNetworks | { error: string };

/** null while there is no result or its detail is on its way; `error` when the worker could not give it. */
export function useNetworks(result: LlmResult | null): Networks | null {
  const [fetched, setFetched] = useState<{ for: LlmResult; value: Networks } | null>(null);
  const lacking = result !== null && lacksNetworkDetail(result);
  useEffect(() => {
    if (!result || !lacking) return;
    let live = true;
    const s = { ...useStore.getState().scenario, ...result.inputs };
    callEngine('llm', (e) => e.llmNetworks(s)).then(
      (value) => live && setFetched({ for: result, value }),
      (e: unknown) => live && setFetched({ for: result, value: { error: e instanceof Error ? e.message : String(e) } }),
    );
    return () => {
      live = false;
    };
  }, [result, lacking]);
  if (!result) return null;
  if (!lacking) return networksOf(result);
  return fetched?.for === result ? fetched.value : null;
}
