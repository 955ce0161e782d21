import type { EditPermissions, PermissionsView } from '../../shared/permissions-contract';
import { UserFacingError } from '../rpc/errors';
import { applyEdit } from '../sandbox/profile-edit';
import type { SandboxService } from '../sandbox/sandbox-service';
import type { InstancesService } from './instances-service';

/** The Permissions tab and `mcp-tray permissions`: show and change an instance's sandbox profile. */
export class PermissionsService {
  constructor(
    private readonly instances: InstancesService,
    private readonly sandbox: SandboxService,
  ) {}

  get(id: string): PermissionsView {
    return this.sandbox.view(this.config(id));
  }

  /** Applies the change (all or nothing) and restarts the server under the new profile. */
  async edit(edit: EditPermissions): Promise<PermissionsView> {
    const config = this.config(edit.id);
    if (config.remote) {
      throw new UserFacingError(
        'invalid-input',
        `"${edit.id}" runs on the service's own servers: there is nothing to sandbox on this computer.`,
      );
    }
    const permissions = applyEdit(this.sandbox.profile(config), edit);
    await this.instances.updateConfig(edit.id, { permissions });
    return this.get(edit.id);
  }

  private config(id: string) {
    const config = this.instances.configs().find((c) => c.id === id);
    if (!config) throw new UserFacingError('not-found', `There is no service called "${id}".`);
    return config;
  }
}
