// A collapsible group of controls: a native <details>, so it is keyboard reachable for free.
import type { ReactNode } from 'react';

interface Props {
  title: string;
  open?: boolean;
  id?: string;
  children: ReactNode;
}

export function Section({ title, open = true, id, children }: Props) {
  return (
    <details className="ctl-section" open={open} data-section={id}>
      <summary>{title}</summary>
      <div className="ctl-section-body">{children}</div>
    </details>
  );
}
