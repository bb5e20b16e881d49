import { useState } from 'react';

/**
 * Runs `onChange(previous)` during render when `value` differs from the last render's.
 * React's recommended way to reset local state when a prop changes ("adjusting state while
 * rendering"): unlike an effect it never paints the stale state for a frame and never
 * triggers a second commit.
 */
export function useOnChange<T>(value: T, onChange: (previous: T) => void): void {
  const [seen, setSeen] = useState(value);
  if (!Object.is(seen, value)) {
    setSeen(value);
    onChange(seen);
  }
}
