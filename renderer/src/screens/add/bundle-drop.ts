import { useEffect } from 'react';
import { addHref } from '../../routing/routes';
import { navigate } from '../../routing/use-route';

/** Bundles are zip files; `.zip` too, in case a download renamed it. */
export const isBundleName = (name: string): boolean => /\.(mcpb|zip)$/i.test(name);

let offered: File | null = null;
const listeners = new Set<() => void>();

/** Hands a file to the bundle screen (opening it), whoever is showing. */
function offerBundle(file: File): void {
  offered = file;
  navigate(addHref('bundle'));
  for (const listener of [...listeners]) listener();
}

/** The file dropped most recently, once: the bundle screen takes it. */
export function takeOfferedBundle(): File | null {
  const file = offered;
  offered = null;
  return file;
}

/** Calls `listener` whenever a file is dropped while the bundle screen is open. */
export function onBundleOffered(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const hasFiles = (event: DragEvent): boolean => event.dataTransfer?.types.includes('Files') === true;

/**
 * Dropping a file anywhere on the window opens it as a bundle. Every file drop is taken over:
 * by default the browser (or Electron) would navigate away to show the file.
 */
export function useBundleDrop(): void {
  useEffect(() => {
    const over = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const drop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      const file = event.dataTransfer?.files[0];
      if (file) offerBundle(file);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);
}
