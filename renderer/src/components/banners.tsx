import { useConnectionState } from '../api/api-context';
import { useAppInfo } from '../api/app-info';
import type { Route } from '../routing/routes';
import { routeHref } from '../routing/routes';
import { Banner } from './banner';

function ConnectionBanner() {
  const state = useConnectionState();
  if (state !== 'reconnecting') return null;
  return (
    <Banner level="warning" icon="reconnect" testId="connection-banner">
      <strong>Reconnecting to MCP Tray…</strong> Live status is paused; it comes back on its own once MCP Tray
      is reachable again.
    </Banner>
  );
}

/** Notices the core posts when a client drops our entries (`drift-<client>`). */
const isDrift = (id: string) => id.startsWith('drift-');

function NoticeBanners({ route }: { route: Route | null }) {
  const { state } = useAppInfo();
  if (state.status !== 'ready') return null;
  // The Clients screen shows each drift once, with its Restore button: no second banner there.
  const notices = state.data.notices.filter((notice) => !(isDrift(notice.id) && route === 'clients'));
  return (
    <>
      {notices.map((notice) => (
        <Banner key={notice.id} level={notice.level} testId="notice-banner">
          {notice.message}
          {isDrift(notice.id) && (
            <>
              {' '}
              <a className="button button--small" href={routeHref('clients')} data-testid="drift-review">
                Restore in Clients
              </a>
            </>
          )}
        </Banner>
      ))}
    </>
  );
}

/** The connection banner and the core's notices; `route` is the screen they sit above. */
export function Banners({ route = null }: { route?: Route | null }) {
  return (
    <div className="banners">
      <ConnectionBanner />
      <NoticeBanners route={route} />
    </div>
  );
}
