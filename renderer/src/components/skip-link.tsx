import type { MouseEvent, RefObject } from 'react';

/**
 * The URL hash holds the route, so a plain `#main` link would navigate away; this moves focus
 * to the target instead.
 */
export function SkipLink({ target }: { target: RefObject<HTMLElement | null> }) {
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    target.current?.focus();
  };
  return (
    <a className="skip-link" href="#main" onClick={skip}>
      Skip to content
    </a>
  );
}
