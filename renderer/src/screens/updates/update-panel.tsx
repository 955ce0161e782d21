import './updates.css';
import '../services-screen.css';
import { useState } from 'react';
import type { InstanceDetail, OutdatedInstance, UpdatePlan } from '../../../../electron/shared/contract';
import { useApi } from '../../api/api-context';
import { messageOf } from '../../api/error-message';
import { Icon } from '../../components/icon';
import { RequestError } from '../add/form-parts';
import { UpdateReview } from './update-review';
import { updateLabel } from './use-updates';

interface Props {
  instance: InstanceDetail;
  update: OutdatedInstance | undefined;
  /** After an update or a rollback: the detail and the update list load again. */
  onChanged: () => void;
}

type Busy = null | 'planning' | 'rolling-back';

/**
 * A registry install's version, its available update (reviewed, then applied only on confirm),
 * and the one-click way back to the version before the last update.
 */
export function UpdatePanel({ instance, update, onChanged }: Props) {
  const api = useApi();
  const [plan, setPlan] = useState<UpdatePlan | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const pin = instance.registry;
  if (!pin) return null;

  const run = async (kind: Exclude<Busy, null>, action: () => Promise<void>) => {
    setBusy(kind);
    setFailure(null);
    setDone(null);
    try {
      await action();
    } catch (error) {
      setFailure(messageOf(error));
    } finally {
      setBusy(null);
    }
  };
  const review = () =>
    run('planning', async () =>
      setPlan(await api.planUpdate({ id: instance.id, to: update?.latest, trial: true })),
    );
  const apply = async (values: Record<string, string>, secrets: Record<string, string>) => {
    if (!plan) return;
    await api.applyUpdate({ id: instance.id, to: plan.to, values, secrets });
    setPlan(null);
    setDone(`Updated to ${plan.to}.`);
    onChanged();
  };
  const rollBack = () =>
    run('rolling-back', async () => {
      const back = await api.rollbackUpdate({ id: instance.id });
      setDone(`Rolled back${back.version ? ` to ${back.version}` : ''}.`);
      onChanged();
    });

  return (
    <section className="update-panel" aria-label="Version" data-testid="update-panel">
      <p>
        <span data-testid="update-version">
          Version {pin.version} from {pin.name}
        </span>
        {update && ' '}
        {update && (
          <strong className="instance__update" data-testid="detail-update">
            <Icon name="up" />
            {updateLabel(update)}
          </strong>
        )}
      </p>
      <div className="actions">
        {update && !plan && (
          <button
            type="button"
            className="button button--primary"
            aria-disabled={busy !== null}
            onClick={() => busy === null && void review()}
            data-testid="update-review-open"
          >
            {busy === 'planning' ? 'Trying the new version…' : 'Review the update'}
          </button>
        )}
        {pin.previousVersion && (
          <button
            type="button"
            className="button"
            aria-disabled={busy !== null}
            onClick={() => busy === null && void rollBack()}
            data-testid="update-rollback"
          >
            {busy === 'rolling-back' ? 'Rolling back…' : `Roll back to ${pin.previousVersion}`}
          </button>
        )}
      </div>
      <RequestError message={failure} testId="update-error" />
      {done && (
        <p role="status" className="note" data-testid="update-done">
          {done}
        </p>
      )}
      {plan && <UpdateReview plan={plan} onApply={apply} onCancel={() => setPlan(null)} />}
    </section>
  );
}
