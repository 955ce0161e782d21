import { useCallback, useEffect, useRef, useState } from 'react';
import type { BundleInfo, InstanceSummary } from '../../../../electron/shared/contract';
import { MAX_BUNDLE_BYTES } from '../../../../electron/shared/contract';
import { useApi } from '../../api/api-context';
import { messageOf } from '../../api/error-message';
import { Screen } from '../../components/screen';
import { BackLink } from './add-parts';
import { isBundleName, onBundleOffered, takeOfferedBundle } from './bundle-drop';
import { BundleFileStep, BundleReviewStep } from './bundle-steps';
import type { ClientOutcome } from './clients-step';
import { ClientsStep } from './clients-step';
import { ConfigureStep } from './configure-step';
import { DoneStep } from './done-step';
import { StepList } from './step-frame';

const STEPS = [
  { key: 'file', label: 'File' },
  { key: 'review', label: 'Check' },
  { key: 'configure', label: 'Settings' },
  { key: 'clients', label: 'AI clients' },
  { key: 'done', label: 'Done' },
];

type Step =
  | { kind: 'file'; reading: string | null; error: string | null }
  | { kind: 'review'; info: BundleInfo }
  | { kind: 'configure'; info: BundleInfo }
  | { kind: 'clients'; instance: InstanceSummary }
  | { kind: 'done'; instance: InstanceSummary; outcomes: ClientOutcome[] };

/** A file's bytes as base64, in slices (a 20 MB spread into one call would overflow the stack). */
export async function fileBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  }
  return btoa(binary);
}

/** `.mcpb` bundle: pick or drop a file → check its manifest → settings → AI clients → done. */
export function BundleFlow() {
  const api = useApi();
  const [step, setStep] = useState<Step>({ kind: 'file', reading: null, error: null });
  // Each file opened takes a number; a slower check of an earlier file cannot win.
  const latest = useRef(0);

  const open = useCallback(
    async (file: File) => {
      const ticket = ++latest.current;
      const fail = (error: string) =>
        ticket === latest.current && setStep({ kind: 'file', reading: null, error });
      if (!isBundleName(file.name)) {
        fail(`“${file.name}” is not a bundle. MCP Tray opens .mcpb files.`);
        return;
      }
      if (file.size > MAX_BUNDLE_BYTES) {
        fail(`“${file.name}” is larger than 20 MB, more than a bundle MCP Tray can open.`);
        return;
      }
      setStep({ kind: 'file', reading: file.name, error: null });
      try {
        const info = await api.inspectBundle({ fileName: file.name, dataBase64: await fileBase64(file) });
        if (ticket === latest.current) setStep({ kind: 'review', info });
      } catch (error) {
        fail(messageOf(error));
      }
    },
    [api],
  );

  useEffect(() => {
    const take = () => {
      const file = takeOfferedBundle();
      if (file) void open(file);
    };
    take();
    return onBundleOffered(take);
  }, [open]);

  const current = step.kind;
  return (
    <Screen
      title="Open a bundle"
      description="An .mcpb file packs an MCP server with its description, so it can be added in one go."
      testId="add-flow"
      above={<BackLink />}
      below={<StepList steps={STEPS} current={current} />}
    >
      {step.kind === 'file' && (
        <BundleFileStep reading={step.reading} error={step.error} onFile={(f) => void open(f)} />
      )}
      {step.kind === 'review' && (
        <BundleReviewStep
          info={step.info}
          onContinue={() => setStep({ kind: 'configure', info: step.info })}
          onAnother={() => setStep({ kind: 'file', reading: null, error: null })}
        />
      )}
      {step.kind === 'configure' && (
        <ConfigureStep
          entry={step.info.entry}
          submitLabel={`Add ${step.info.entry.name}`}
          pendingLabel="Unpacking and adding…"
          focus
          onSubmit={async (result) => {
            const instance = await api.addBundleInstance({ token: step.info.token, ...result });
            setStep({ kind: 'clients', instance });
          }}
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
