import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { InstanceDetail } from '../../../../../electron/shared/contract';
import { useApi } from '../../../api/api-context';
import { messageOf } from '../../../api/error-message';

/** Seconds a call may take: the contract's 1 s to 1 h. */
const TIMEOUT_RANGE = { min: 1, max: 3600 } as const;

const seconds = (ms: number) => String(Math.round(ms / 1000));

type TimeoutKind = 'request' | 'start';

/** What each timeout is called, its range (the contract's) and what it does, in words. */
const KINDS: Record<
  TimeoutKind,
  {
    label: string;
    range: { min: number; max: number };
    hint: string;
    saved: (s: string) => string;
    testId: string;
  }
> = {
  request: {
    label: 'Request timeout (seconds)',
    range: TIMEOUT_RANGE,
    hint: 'How long one tool call may take before MCP Tray stops waiting and tells the AI client.',
    saved: (s) => `Saved: calls may take up to ${s} s.`,
    testId: 'timeout',
  },
  start: {
    label: 'Start timeout (seconds)',
    range: { min: 1, max: 600 },
    hint: 'How long the server may take to answer when it starts. If it does not, MCP Tray counts it as a crash and tries again later.',
    saved: (s) => `Saved: the next start waits up to ${s} s.`,
    testId: 'start-timeout',
  },
};

/** How long one tool call (or a start) may take before MCP Tray gives up on it. */
export function TimeoutForm({
  instance,
  refresh,
  kind = 'request',
}: {
  instance: InstanceDetail;
  refresh: () => Promise<void>;
  kind?: TimeoutKind;
}) {
  const api = useApi();
  const text = KINDS[kind];
  const current = kind === 'request' ? instance.requestTimeoutMs : instance.startTimeoutMs;
  const isDefault = kind === 'request' ? instance.requestTimeoutIsDefault : instance.startTimeoutIsDefault;
  const [value, setValue] = useState(() => seconds(current));
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();

  const save = async (timeoutMs: number | null) => {
    setPending(true);
    setSaved(null);
    setProblem(null);
    try {
      const ms =
        kind === 'request'
          ? (await api.setRequestTimeout({ id: instance.id, timeoutMs })).requestTimeoutMs
          : (await api.setStartTimeout({ id: instance.id, timeoutMs })).startTimeoutMs;
      setValue(seconds(ms));
      setSaved(text.saved(seconds(ms)));
      await refresh();
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setPending(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    const n = Number(value.trim());
    const { min, max } = text.range;
    if (!Number.isInteger(n) || n < min || n > max) {
      setProblem(`Enter whole seconds from ${min} to ${max}.`);
      return;
    }
    void save(n * 1000);
  };

  return (
    <form className="inline-form" onSubmit={submit} noValidate data-testid={`${text.testId}-form`}>
      <label htmlFor={inputId} className="field__label">
        {text.label}
      </label>
      <div className="inline-form__row">
        <input
          id={inputId}
          className="input input--short"
          inputMode="numeric"
          value={value}
          aria-invalid={problem !== null || undefined}
          aria-describedby={[hintId, problem ? errorId : ''].filter(Boolean).join(' ')}
          onChange={(e) => setValue(e.currentTarget.value)}
          data-testid={`${text.testId}-input`}
        />
        <button type="submit" className="button" aria-disabled={pending} data-testid={`${text.testId}-save`}>
          {pending ? 'Saving…' : 'Save'}
        </button>
        {!isDefault && (
          <button
            type="button"
            className="button"
            aria-disabled={pending}
            onClick={() => !pending && void save(null)}
            data-testid={`${text.testId}-default`}
          >
            Use the default
          </button>
        )}
      </div>
      <p id={hintId} className="field__hint">
        {text.hint}
        {isDefault ? ' This is the default.' : ''}
      </p>
      {problem && (
        <p id={errorId} className="field__error" role="alert">
          {problem}
        </p>
      )}
      <p className="visually-hidden" role="status">
        {saved ?? ''}
      </p>
    </form>
  );
}
