import { useId } from 'react';
import type { ReactNode } from 'react';

/** A titled group on a settings page, styled like the detail lists around it. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className="details" aria-labelledby={headingId}>
      <h2 id={headingId} className="details__title">
        {title}
      </h2>
      {children}
    </section>
  );
}
