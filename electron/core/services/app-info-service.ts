import type { AppInfo } from '../../shared/contract';
import type { SecretStore } from '../secrets/secret-store';
import type { NoticeService } from './notice-service';

export interface AppIdentity {
  name: string;
  version: string;
  host: AppInfo['host'];
  platform: string;
  dataDir: string;
  pid: number;
  startedAt: string;
}

/** What the About/Settings screen shows about this running core. */
export class AppInfoService {
  constructor(
    private readonly identity: AppIdentity,
    private readonly secrets: SecretStore,
    private readonly notices: NoticeService,
  ) {}

  async info(): Promise<AppInfo> {
    return { ...this.identity, keychain: await this.secrets.status(), notices: this.notices.list() };
  }
}
