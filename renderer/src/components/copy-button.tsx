import { useEffect, useState } from 'react';
import { Icon } from './icon';

/** How long "Copied" stays before the button reads as before. */
export const COPIED_MS = 2000;

type CopyState = 'idle' | 'copied' | 'failed';

interface CopyButtonProps {
  text: string;
  label: string;
  testId?: string;
}

/** Copies `text` to the clipboard and says so on the button (and to screen readers). */
export function CopyButton({ text, label, testId }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state === 'idle') return undefined;
    const timer = setTimeout(() => setState('idle'), COPIED_MS);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      // No clipboard access (e.g. the window lost focus): say so rather than pretend.
      setState('failed');
    }
  };

  return (
    <>
      <button type="button" className="button button--small" onClick={() => void copy()} data-testid={testId}>
        <Icon name={state === 'copied' ? 'check' : 'copy'} />
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Couldn’t copy' : label}
      </button>
      <span className="visually-hidden" role="status">
        {state === 'copied' ? 'Copied to the clipboard' : state === 'failed' ? 'Could not copy' : ''}
      </span>
    </>
  );
}
