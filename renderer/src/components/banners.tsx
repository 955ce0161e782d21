import { useConnectionState } from '../api/api-context';
import { useAppInfo } from '../api/app-info';
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

function NoticeBanners() {
  const { state } = useAppInfo();
  if (state.status !== 'ready') return null;
  return (
    <>
      {state.data.notices.map((notice) => (
        <Banner key={notice.id} level={notice.level} testId="notice-banner">
          {notice.message}
        </Banner>
      ))}
    </>
  );
}

export function Banners() {
  return (
    <div className="banners">
      <ConnectionBanner />
      <NoticeBanners />
    </div>
  );
}
