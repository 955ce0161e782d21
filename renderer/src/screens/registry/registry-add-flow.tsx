import '../add/add.css';
import '../catalog/entry-parts.css';
import { useCallback, useState } from 'react';
import type { InstanceSummary, RegistryEntryDetail } from '../../../../electron/shared/contract';
import { useApi } from '../../api/api-context';
import { useApiData } from '../../api/use-api-data';
import type { Loader } from '../../api/use-api-data';
import { ErrorState, LoadingState } from '../../components/load-states';
import { Screen } from '../../components/screen';
import { useReclaimFocus } from '../../hooks/use-reclaim-focus';
import { BackLink } from '../add/add-parts';
import type { ClientOutcome } from '../add/clients-step';
import { ClientsStep } from '../add/clients-step';
import { DoneStep } from '../add/done-step';
import { StepFrame, StepList } from '../add/step-frame';
import { OptionChooser } from './option-chooser';
import type { RegistryInstallValues } from './registry-configure';
import { RegistryConfigure } from './registry-configure';
import { RegistryDetail } from './registry-detail';
import { initialOption, installable } from './registry-fields';

type Step =
  | { kind: 'configure' }
  | { kind: 'clients'; instance: InstanceSummary }
  | { kind: 'done'; instance: InstanceSummary; outcomes: ClientOutcome[] };

const STEPS = [
  { key: 'configure', label: 'Settings and confirm' },
  { key: 'clients', label: 'AI clients' },
  { key: 'done', label: 'Done' },
];

/** Detail, option, values and the exact command → AI clients → done, as the catalog's Add flow. */
function RegistryInstallFlow({ entry }: { entry: RegistryEntryDetail }) {
  const api = useApi();
  const [step, setStep] = useState<Step>({ kind: 'configure' });
  const [chosen, setChosen] = useState(() => initialOption(entry.options, entry.recommended));
  useReclaimFocus();
  const option = entry.options[chosen];
  const title = entry.title ?? entry.name;

  const install = async ({ values, secrets }: RegistryInstallValues) => {
    if (!option) return;
    const instance = await api.installFromRegistry({
      name: entry.name,
      version: entry.version,
      registry: entry.registry,
      packageType: option.type,
      values,
      secrets,
    });
    setStep({ kind: 'clients', instance });
  };

  const canInstall = entry.status === 'active' && option !== undefined && installable(option);
  return (
    <Screen
      title={`Add ${title}`}
      testId="add-flow"
      above={<BackLink />}
      below={
        <>
          <p className="entry-summary__text">{entry.description}</p>
          <StepList steps={STEPS} current={step.kind} />
        </>
      }
    >
      {step.kind === 'configure' && (
        <StepFrame title="Check and confirm" focus={false} testId="step-configure">
          <RegistryDetail entry={entry} />
          {entry.status === 'active' && (
            <OptionChooser options={entry.options} chosen={chosen} onChoose={setChosen} />
          )}
          {canInstall ? (
            <RegistryConfigure
              key={chosen}
              option={option}
              submitLabel={`Add ${title} ${entry.version}`}
              onSubmit={install}
            />
          ) : (
            entry.status === 'active' && (
              <p className="runtime-hint" data-testid="registry-not-installable">
                {option?.problem ??
                  option?.runtimeHint ??
                  'MCP Tray cannot install this entry on this computer.'}
              </p>
            )
          )}
        </StepFrame>
      )}
      {step.kind === 'clients' && (
        <ClientsStep
          instance={step.instance}
          onDone={(outcomes) => setStep({ kind: 'done', instance: step.instance, outcomes })}
        />
      )}
      {step.kind === 'done' && <DoneStep instance={step.instance} outcomes={step.outcomes} />}
    </Screen>
  );
}

/** `#/add/registry:<name>`: loads the entry's detail (latest version) and runs the flow. */
export function RegistryAddFlow({ name }: { name: string }) {
  const load = useCallback<Loader<RegistryEntryDetail>>((api) => api.getRegistryEntry({ name }), [name]);
  const { state, retry } = useApiData(load);
  if (state.status === 'ready') return <RegistryInstallFlow key={state.data.name} entry={state.data} />;
  return (
    <Screen title="Add from the MCP Registry" testId="add-flow" above={<BackLink />}>
      {state.status === 'loading' && <LoadingState label="Loading the registry entry…" />}
      {state.status === 'error' && (
        <ErrorState title={`Couldn't load ${name}.`} message={state.message} onRetry={retry} />
      )}
    </Screen>
  );
}
