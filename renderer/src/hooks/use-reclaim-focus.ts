import { useEffect } from 'react';

/**
 * For a screen that replaces another in place once its data is in (the welcome, an add flow
 * after loading the catalog): if focus was on the replaced screen's heading, it is now lost to
 * the page; the new heading takes it, as after a navigation (see `useRouteFocus`).
 */
export function useReclaimFocus(): void {
  useEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body) document.querySelector<HTMLElement>('#main h1')?.focus();
  }, []);
}
