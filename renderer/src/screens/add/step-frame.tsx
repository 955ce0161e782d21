import './add.css';
import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';

interface StepFrameProps {
  title: string;
  /** Takes focus on mount: every step after the first, so keyboard users land on it. */
  focus?: boolean;
  testId: string;
  children: ReactNode;
}

/** One step of an add flow: a titled region whose heading gets focus when the step appears. */
export function StepFrame({ title, focus = true, testId, children }: StepFrameProps) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) heading.current?.focus();
    // Once per step: a re-render must not pull focus back to the heading.
  }, []);
  return (
    <section className="step" aria-labelledby={headingId} data-testid={testId}>
      <h2 ref={heading} id={headingId} className="step__title" tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}

export interface StepInfo {
  key: string;
  label: string;
}

/** Where the user is in the flow: a numbered list with the current step marked. */
export function StepList({ steps, current }: { steps: readonly StepInfo[]; current: string }) {
  const index = steps.findIndex((step) => step.key === current);
  return (
    <ol className="steps" aria-label="Steps" data-testid="add-steps">
      {steps.map((step, i) => {
        const state = i < index ? 'done' : i === index ? 'current' : 'todo';
        return (
          <li
            key={step.key}
            className={`steps__item steps__item--${state}`}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            <span className="steps__number" aria-hidden="true">
              {state === 'done' ? '✓' : i + 1}
            </span>
            <span>
              {step.label}
              {state === 'done' && <span className="visually-hidden"> (done)</span>}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
