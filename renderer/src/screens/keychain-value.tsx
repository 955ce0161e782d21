import type { KeychainStatus } from '../../../electron/shared/contract';
import { Icon } from '../components/icon';

export function KeychainValue({ keychain }: { keychain: KeychainStatus }) {
  if (keychain.available) {
    return (
      <span className="keychain keychain--ok" data-testid="keychain-status">
        <Icon name="check" />
        Available ({keychain.detail})
      </span>
    );
  }
  return (
    <span className="keychain keychain--missing" data-testid="keychain-status">
      <Icon name="triangle" />
      Not available
    </span>
  );
}
