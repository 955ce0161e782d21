import { useCallback, useState } from 'react';
import type { CatalogEntry, InstanceSummary } from '../../../../electron/shared/contract';
import { useApi } from '../../api/api-context';
import type { Loader } from '../../api/use-api-data';
import { useApiData } from '../../api/use-api-data';
import { EmptyState } from '../../components/empty-state';
import { ErrorState, LoadingState } from '../../components/load-states';
import { Screen } from '../../components/screen';
import { useReclaimFocus } from '../../hooks/use-reclaim-focus';
import { addHref } from '../../routing/routes';
import { AccountStep } from './account-step';
import { BackLink, EntrySummary } from './add-parts';
import type { ClientOutcome } from './clients-step';
import { ClientsStep } from './clients-step';
import type { ConfigureResult } from './configure-step';
import { ConfigureStep } from './configure-step';
import { DoneStep } from './done-step';
import type { StepInfo } from './step-frame';
import { StepList } from './step-frame';

const loadCatalog: Loader<CatalogEntry[]> = (api) => api.listCatalog();

type Step =
  | { kind: 'configure' }
  | { kind: 'account'; instance: InstanceSummary }
  | { kind: 'clients'; instance: InstanceSummary; lead: string | null; signInPending: boolean }
  | { kind: 'done'; instance: InstanceSummary; outcomes: ClientOutcome[]; signInPending: boolean };

const signsIn = (entry: CatalogEntry): boolean => entry.auth === 'oauth' || entry.auth === 'device';

/** The steps this entry goes through, for the step list. */
function flowSteps(entry: CatalogEntry): StepInfo[] {
  return [
    { key: 'configure', label: entry.fields.length > 0 ? 'Settings' : 'Confirm' },
    ...(signsIn(entry) ? [{ key: 'account', label: 'Sign in' }] : []),
    { key: 'clients', label: 'AI clients' },
    { key: 'done', label: 'Done' },
  ];
}

/** The confirming button: it says what happens next, since it also starts the sign-in. */
function submitLabel(entry: CatalogEntry): string {
  if (!signsIn(entry)) return `Add ${entry.name}`;
  return entry.needsOwnClient ? 'Add and set up sign-in' : 'Add and sign in';
}

/**
 * Adding one catalog entry: settings and the exact command (confirmed by the add button) →
 * sign-in (own OAuth client first where needed) → AI clients → done. Main path: the add
 * button, the browser, Apply.
 */
function CatalogAddFlow({ entry }: { entry: CatalogEntry }) {
  const api = useApi();
  const [step, setStep] = useState<Step>({ kind: 'configure' });
  useReclaimFocus();

  const add = async (result: ConfigureResult) => {
    const instance = await api.addCatalogInstance({ integrationId: entry.id, ...result });
    setStep(
      signsIn(entry)
        ? { kind: 'account', instance }
        : { kind: 'clients', instance, lead: null, signInPending: false },
    );
  };
  const instance = step.kind === 'configure' ? null : step.instance;
  const signedIn = useCallback(
    (label: string | null) =>
      instance &&
      setStep({
        kind: 'clients',
        instance,
        lead: label ? `Signed in as ${label}.` : null,
        signInPending: false,
      }),
    [instance],
  );
  const later = useCallback(
    () => instance && setStep({ kind: 'clients', instance, lead: null, signInPending: true }),
    [instance],
  );

  return (
    <Screen
      title={`Add ${entry.name}`}
      testId="add-flow"
      above={<BackLink />}
      below={
        <>
          <EntrySummary entry={entry} />
          <StepList steps={flowSteps(entry)} current={step.kind} />
        </>
      }
    >
      {step.kind === 'configure' && (
        <ConfigureStep entry={entry} submitLabel={submitLabel(entry)} pendingLabel="Adding…" onSubmit={add} />
      )}
      {step.kind === 'account' && (
        <AccountStep
          instance={step.instance}
          entry={entry}
          autoStart={!entry.needsOwnClient}
          onDone={signedIn}
          onSkip={later}
        />
      )}
      {step.kind === 'clients' && (
        <ClientsStep
          instance={step.instance}
          lead={step.lead}
          onDone={(outcomes) =>
            setStep({ kind: 'done', instance: step.instance, outcomes, signInPending: step.signInPending })
          }
        />
      )}
      {step.kind === 'done' && (
        <DoneStep instance={step.instance} outcomes={step.outcomes} signInPending={step.signInPending} />
      )}
    </Screen>
  );
}

/** `#/add/<integration id>`: loads the catalog and runs the flow for that entry. */
export function AddFlow({ integrationId }: { integrationId: string }) {
  const { state, retry } = useApiData(loadCatalog);
  const entry = state.status === 'ready' ? state.data.find((e) => e.id === integrationId) : undefined;
  if (entry) return <CatalogAddFlow key={entry.id} entry={entry} />;
  return (
    <Screen title="Add a service" testId="add-flow" above={<BackLink />}>
      {state.status === 'loading' && <LoadingState label="Loading the catalog…" />}
      {state.status === 'error' && (
        <ErrorState title="Couldn't load the catalog." message={state.message} onRetry={retry} />
      )}
      {state.status === 'ready' && (
        <EmptyState icon="search" title={`MCP Tray does not know “${integrationId}”`} testId="add-unknown">
          <p>It may come with a newer version. Choose from the catalog, or add it as your own server.</p>
          <p>
            <a href={addHref()}>Open the catalog</a>
          </p>
        </EmptyState>
      )}
    </Screen>
  );
}
