import type { InstallRequest } from '../../shared/deep-link';
import { parseInstallLink } from '../../shared/deep-link';
import type { EventBus } from '../event-bus';
import type { Logger } from '../platform/logger';
import { UserFacingError } from '../rpc/errors';
import type { NoticeService } from './notice-service';

/** Notice id for the last refused link (a newer one replaces it). */
export const INVALID_LINK_NOTICE = 'install-link-invalid';

/**
 * Opens `mcp-tray://install?…` links, from the OS (the Electron shell) or `mcp-tray open`. A
 * link is only read and announced (`installRequested`); the Add flow shows it and nothing is
 * added until the user confirms there. A link that cannot be read becomes a notice saying why.
 */
export class DeepLinkService {
  constructor(
    private readonly bus: EventBus,
    private readonly notices: NoticeService,
    private readonly logger: Logger,
  ) {}

  /** Parses `url` and announces the request; throws `invalid-link` (and posts a notice) if it is refused. */
  open(url: string): InstallRequest {
    const parsed = parseInstallLink(url);
    if (!parsed.ok) {
      // The link itself is not logged: a hostile one could be crafted to look like anything.
      this.logger.warn('refused an install link', { reason: parsed.reason, length: url.length });
      this.notices.post({
        id: INVALID_LINK_NOTICE,
        level: 'warning',
        message: `MCP Tray could not use the install link: ${parsed.reason}`,
      });
      throw new UserFacingError('invalid-link', parsed.reason);
    }
    if (this.notices.list().some((n) => n.id === INVALID_LINK_NOTICE))
      this.notices.dismiss(INVALID_LINK_NOTICE);
    this.logger.info('install link opened', { kind: parsed.request.kind });
    this.bus.emit('installRequested', { request: parsed.request });
    return parsed.request;
  }
}
