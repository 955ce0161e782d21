import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { InstanceDetail } from '../../../../../electron/shared/contract';
import { useApi } from '../../../api/api-context';
import { messageOf } from '../../../api/error-message';

/** Seconds a call may take: the contract's 1 s to 1 h. */
export const TIMEOUT_RANGE = { min: 1, max: 3600 } as const;

const seconds = (ms: number) => String(Math.round(ms / 1000));

/** How long one tool call may take before MCP Tray gives up on it and tells the client. */
export function TimeoutForm({
  instance,
  refresh,
}: {
  instance: InstanceDetail;
  refresh: () => Promise<void>;
}) {
  const api = useApi();
  const [value, setValue] = useState(() => seconds(instance.requestTimeoutMs));
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
      const { requestTimeoutMs } = await api.setRequestTimeout({ id: instance.id, timeoutMs });
      setValue(seconds(requestTimeoutMs));
      setSaved(`Saved: calls may take up to ${seconds(requestTimeoutMs)} s.`);
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
    if (!Number.isInteger(n) || n < TIMEOUT_RANGE.min || n > TIMEOUT_RANGE.max) {
      setProblem(`Enter whole seconds from ${TIMEOUT_RANGE.min} to ${TIMEOUT_RANGE.max}.`);
      return;
    }
    void save(n * 1000);
  };

  return (
    <form className="inline-form" onSubmit={submit} noValidate data-testid="timeout-form">
      <label htmlFor={inputId} className="field__label">
        Request timeout (seconds)
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
          data-testid="timeout-input"
        />
        <button type="submit" className="button" aria-disabled={pending} data-testid="timeout-save">
          {pending ? 'Saving…' : 'Save'}
        </button>
        {!instance.requestTimeoutIsDefault && (
          <button
            type="button"
            className="button"
            aria-disabled={pending}
            onClick={() => !pending && void save(null)}
            data-testid="timeout-default"
          >
            Use the default
          </button>
        )}
      </div>
      <p id={hintId} className="field__hint">
        How long one tool call may take before MCP Tray stops waiting and tells the AI client.
        {instance.requestTimeoutIsDefault ? ' This is the default.' : ''}
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
