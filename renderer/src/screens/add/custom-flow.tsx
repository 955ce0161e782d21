import { useMemo, useState } from 'react';
import type { InstanceSummary } from '../../../../electron/shared/contract';
import { useApi } from '../../api/api-context';
import { useRequest } from '../../api/use-request';
import type { Loader } from '../../api/use-api-data';
import { useApiData } from '../../api/use-api-data';
import { Screen } from '../../components/screen';
import { BackLink } from './add-parts';
import type { ClientOutcome } from './clients-step';
import { ClientsStep } from './clients-step';
import type { CustomDraft } from './custom-model';
import { customLaunch, suggestId, toCustomRequest } from './custom-model';
import { CustomForm } from './custom-form';
import { DoneStep } from './done-step';
import { RequestError } from './form-parts';
import type { InstallRequest } from './install-request';
import { LaunchPreview } from './launch-preview';
import { StepFrame, StepList } from './step-frame';

type CustomRequest = Extract<InstallRequest, { kind: 'custom' }>;

const loadInstances: Loader<InstanceSummary[]> = (api) => api.listInstances();

const STEPS = [
  { key: 'form', label: 'Command' },
  { key: 'confirm', label: 'Confirm' },
  { key: 'clients', label: 'AI clients' },
  { key: 'done', label: 'Done' },
];

/** A draft from a deep link's request: every value filled in except secrets (typed by the user). */
function draftFrom(prefill?: CustomRequest): CustomDraft {
  let key = 0;
  const env = [
    ...Object.entries(prefill?.env ?? {}).map(([name, value]) => ({ name, value, secret: false })),
    ...(prefill?.secretEnvNames ?? []).map((name) => ({ name, value: '', secret: true })),
  ].map((row) => ({ ...row, key: ++key, secretChosen: true }));
  return {
    name: prefill?.name ?? '',
    id: prefill?.id ?? (prefill?.name ? suggestId(prefill.name, new Set()) : ''),
    idChosen: prefill?.id !== undefined,
    command: prefill?.command ?? '',
    args: (prefill?.args ?? []).join('\n'),
    env,
  };
}

type Step =
  | { kind: 'form' }
  | { kind: 'confirm' }
  | { kind: 'clients'; instance: InstanceSummary }
  | { kind: 'done'; instance: InstanceSummary; outcomes: ClientOutcome[] };

function ConfirmStep({
  draft,
  onBack,
  onAdded,
}: {
  draft: CustomDraft;
  onBack: () => void;
  onAdded: (instance: InstanceSummary) => void;
}) {
  const api = useApi();
  const { pending, failure, run } = useRequest();
  const add = async () => {
    if (pending) return;
    await run(async () => onAdded(await api.addCustomInstance(toCustomRequest(draft))));
  };
  return (
    <StepFrame title={`Run ${draft.name.trim()}?`} testId="step-confirm">
      <LaunchPreview launch={customLaunch(draft)} />
      <RequestError message={failure} />
      <div className="actions">
        <button
          type="button"
          className="button button--primary"
          aria-disabled={pending}
          onClick={() => void add()}
          data-testid="add-confirm"
        >
          {pending ? 'Adding…' : 'Add and start'}
        </button>
        <button
          type="button"
          className="button"
          onClick={onBack}
          disabled={pending}
          data-testid="confirm-back"
        >
          Change something
        </button>
      </div>
    </StepFrame>
  );
}

/** Your own server: the form → the exact command to confirm → AI clients → done. */
export function CustomFlow({ prefill }: { prefill?: CustomRequest }) {
  const { state } = useApiData(loadInstances);
  const taken = useMemo(
    () => new Set(state.status === 'ready' ? state.data.map((instance) => instance.id) : []),
    [state],
  );
  const [draft, setDraft] = useState<CustomDraft>(() => draftFrom(prefill));
  const [step, setStep] = useState<Step>({ kind: 'form' });

  return (
    <Screen
      title="Add your own server"
      description="Any MCP server that runs as a program on this computer (stdio)."
      testId="add-flow"
      above={<BackLink />}
      below={<StepList steps={STEPS} current={step.kind} />}
    >
      {step.kind === 'form' && (
        <StepFrame title="The program to run" focus={false} testId="step-form">
          {prefill && (
            <p className="note" data-testid="prefill-note">
              Filled in from a link you opened. Check every value; nothing runs until you confirm.
            </p>
          )}
          <CustomForm
            draft={draft}
            onDraft={setDraft}
            taken={taken}
            onReview={() => setStep({ kind: 'confirm' })}
          />
        </StepFrame>
      )}
      {step.kind === 'confirm' && (
        <ConfirmStep
          draft={draft}
          onBack={() => setStep({ kind: 'form' })}
          onAdded={(instance) => setStep({ kind: 'clients', instance })}
        />
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
