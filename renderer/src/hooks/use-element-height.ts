import { useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';

/**
 * The element's inner height, kept current with a ResizeObserver; `fallback` while it cannot be
 * measured (a hidden tab panel, or a DOM without layout such as the unit tests' happy-dom).
 */
export function useElementHeight(ref: RefObject<HTMLElement | null>, fallback: number): number {
  const [height, setHeight] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const measure = () => setHeight(element.clientHeight);
    measure();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return height > 0 ? height : fallback;
}
