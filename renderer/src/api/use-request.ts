import { useState } from 'react';
import { messageOf } from './error-message';

/** A form's request to the core: whether it is running, and why the last one failed. */
export interface FormRequest {
  pending: boolean;
  failure: string | null;
  /**
   * Runs `action`, clearing the last failure first; resolves false when it threw (its message is
   * then `failure`). `pending` drops after a failure; after a success only with `settle`, since a
   * form whose success moves on to the next step must not offer its button again meanwhile.
   */
  run(action: () => Promise<void>, options?: { settle?: boolean }): Promise<boolean>;
}

/** The `pending`/`failure` pair every form kept by hand around its request. */
export function useRequest(): FormRequest {
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const run = async (action: () => Promise<void>, { settle = false } = {}) => {
    setPending(true);
    setFailure(null);
    try {
      await action();
      if (settle) setPending(false);
      return true;
    } catch (error) {
      setFailure(messageOf(error));
      setPending(false);
      return false;
    }
  };
  return { pending, failure, run };
}
