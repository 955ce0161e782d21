import { useId } from 'react';
import type { ReactNode } from 'react';

interface ScreenProps {
  title: string;
  description?: string;
  testId: string;
  /** Shown above the title, e.g. a link back to the parent screen. */
  above?: ReactNode;
  /** Shown under the title and description, e.g. a status line. */
  below?: ReactNode;
  /** Fills the window's height, for content that scrolls on its own (the call log). */
  fill?: boolean;
  children: ReactNode;
}

export function Screen({ title, description, testId, above, below, fill = false, children }: ScreenProps) {
  const headingId = useId();
  return (
    <section
      className={fill ? 'screen screen--fill' : 'screen'}
      aria-labelledby={headingId}
      data-testid={testId}
    >
      <header className="screen__header">
        {above}
        {/* Focusable from script only, so navigation can move focus here (see useRouteFocus). */}
        <h1 id={headingId} className="screen__title" tabIndex={-1}>
          {title}
        </h1>
        {description && <p className="screen__description">{description}</p>}
        {below}
      </header>
      {children}
    </section>
  );
}
