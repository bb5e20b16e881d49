// "How is this computed": docs/interconnect-model.md, bundled as text when it exists
// (import.meta.glob yields nothing rather than failing the build when it does not).
import { useEffect, useState } from 'react';

const docs = import.meta.glob('/docs/interconnect-model.md', { query: '?raw', import: 'default' }) as Record<string, () => Promise<string>>;
const DOC_PATH = 'docs/interconnect-model.md';

export function ModelDoc() {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState<string | null>(null);
  const load = docs['/docs/interconnect-model.md'] as (() => Promise<string>) | undefined;

  useEffect(() => {
    if (open && text === null && load) void load().then(setText);
  }, [open, text, load]);

  return (
    <details className="ic-doc" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>
        How the network is modelled (<code>{DOC_PATH}</code>)
      </summary>
      {load ? <pre className="ic-doc-text">{text ?? 'Loading…'}</pre> : <p className="muted">See {DOC_PATH} in the repository.</p>}
    </details>
  );
}
