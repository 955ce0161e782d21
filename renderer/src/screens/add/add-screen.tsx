import { useEffect, useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { Screen } from '../../components/screen';
import { REGISTRY_PREFIX, addHref } from '../../routing/routes';
import { useAppLocation } from '../../routing/use-route';
import { CatalogScreen } from '../catalog/catalog-screen';
import { RegistryAddFlow } from '../registry/registry-add-flow';
import { AddFlow } from './add-flow';
import { BackLink } from './add-parts';
import { BundleFlow } from './bundle-flow';
import { CustomFlow } from './custom-flow';
import type { InstallRequest } from './install-request';
import { clearInstallRequest, installSegment, peekInstallRequest } from './install-request';

type RemoteRequest = Extract<InstallRequest, { kind: 'remote' }>;

/** A remote server by address: the core has no request for it yet, so say so plainly. */
function RemoteNotice({ request }: { request: RemoteRequest | null }) {
  return (
    <Screen title="Add a remote server" testId="add-flow" above={<BackLink />}>
      <EmptyState
        icon="info"
        title="Remote servers by address are not supported yet"
        testId="remote-unsupported"
      >
        {request && (
          <p>
            You opened a link to add <strong>{request.name ?? request.url}</strong> (
            <code className="path">{request.url}</code>).
          </p>
        )}
        <p>
          This version of MCP Tray adds remote servers from its catalog only. Look for it under Remote servers
          in the <a href={addHref()}>catalog</a>.
        </p>
      </EmptyState>
    </Screen>
  );
}

function AddTarget({ segment, request }: { segment: string | undefined; request: InstallRequest | null }) {
  if (!segment) return <CatalogScreen />;
  if (segment === 'custom') return <CustomFlow prefill={request?.kind === 'custom' ? request : undefined} />;
  if (segment === 'bundle') return <BundleFlow />;
  if (segment.startsWith(REGISTRY_PREFIX)) {
    const name = segment.slice(REGISTRY_PREFIX.length);
    return <RegistryAddFlow key={name} name={name} />;
  }
  if (segment === 'remote') return <RemoteNotice request={request?.kind === 'remote' ? request : null} />;
  return <AddFlow integrationId={segment} />;
}

/**
 * `#/add…`: the catalog, or what is being added. `request` pre-fills a flow (a deep link);
 * without it, a request handed over by `requestInstall` is used. Nothing runs without the
 * flow's confirmation step either way.
 */
export function AddScreen({ request }: { request?: InstallRequest }) {
  const { adding } = useAppLocation();
  const segment = request ? installSegment(request) : adding;
  return <AddTargetWithRequest key={segment ?? ''} segment={segment} request={request} />;
}

function AddTargetWithRequest({
  segment,
  request,
}: {
  segment: string | undefined;
  request?: InstallRequest;
}) {
  // Read once per target (peeking is pure, so StrictMode's double call is harmless).
  const [pending] = useState(() => request ?? (segment ? peekInstallRequest(segment) : null));
  useEffect(() => {
    if (pending && !request) clearInstallRequest();
  }, [pending, request]);
  return <AddTarget segment={segment} request={pending} />;
}
