import '../clients/clients.css';
import type { InstanceSummary } from '../../../../electron/shared/contract';
import { Icon } from '../../components/icon';
import { addHref, instanceHref, routeHref } from '../../routing/routes';
import { ApplyResult } from '../clients/apply-result';
import { formatList } from '../clients/client-model';
import type { ClientOutcome } from './clients-step';
import { StepFrame } from './step-frame';

/** "Claude Desktop and Cursor can use GitHub now", or that it is ready for when they do. */
function doneTitle(name: string, outcomes: readonly ClientOutcome[]): string {
  const given = outcomes.filter((o) => o.applied).map((o) => o.client.name);
  return given.length > 0 ? `${formatList(given)} can use ${name} now` : `${name} is added`;
}

interface DoneStepProps {
  instance: InstanceSummary;
  outcomes: readonly ClientOutcome[];
  /** The service still waits for a sign-in (the user chose "Sign in later"). */
  signInPending?: boolean;
}

/** The end of the flow: who can use the service, what to restart, and where to go next. */
export function DoneStep({ instance, outcomes, signInPending = false }: DoneStepProps) {
  const written = outcomes.filter((o) => o.applied);
  const failed = outcomes.filter((o) => o.error);
  return (
    <StepFrame title={doneTitle(instance.name, outcomes)} testId="step-done">
      {signInPending && (
        <p className="note" data-testid="done-sign-in-pending">
          <Icon name="lock" />
          {instance.name} starts once you sign in: open it from Services and choose Connect.
        </p>
      )}
      {written.length === 0 && failed.length === 0 && (
        <p data-testid="done-no-clients">
          {instance.name} runs in MCP Tray. Give it to an AI client any time from the{' '}
          <a href={routeHref('clients')}>Clients</a> screen.
        </p>
      )}
      {written.map(({ client, applied }) => (
        <section key={client.id} className="change" aria-label={client.name} data-testid="done-client">
          <h3 className="change__title">{client.name}</h3>
          <ApplyResult applied={applied!} />
        </section>
      ))}
      {failed.map(({ client, error }) => (
        <p key={client.id} className="inline-error" role="alert" data-testid="done-client-error">
          Couldn’t set up {client.name}: {error} Try again from the Clients screen.
        </p>
      ))}
      <div className="actions">
        <a className="button button--primary" href={routeHref('services')} data-testid="done-services">
          Go to Services
        </a>
        <a className="button" href={instanceHref(instance.id)}>
          Open {instance.name}
        </a>
        <a className="button" href={addHref()}>
          Add another service
        </a>
      </div>
    </StepFrame>
  );
}
