import { useId } from 'react';
import type { ReactNode } from 'react';

interface DetailListProps {
  title: string;
  rows: ReadonlyArray<readonly [label: string, value: ReactNode]>;
}

export function DetailList({ title, rows }: DetailListProps) {
  const headingId = useId();
  return (
    <section className="details" aria-labelledby={headingId}>
      <h2 id={headingId} className="details__title">
        {title}
      </h2>
      <dl className="details__list">
        {rows.map(([label, value]) => (
          <div className="details__row" key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
