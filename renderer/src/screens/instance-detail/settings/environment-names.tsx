import '../instance-detail.css';
import { useId } from 'react';
import { Icon } from '../../../components/icon';

/** The names of the variables the server gets; values never reach the window. */
export function EnvironmentNames({
  names,
  secretNames,
}: {
  names: readonly string[];
  secretNames: readonly string[];
}) {
  const headingId = useId();
  return (
    <section className="details" aria-labelledby={headingId}>
      <h2 id={headingId} className="details__title">
        Environment variables
      </h2>
      {names.length + secretNames.length === 0 ? (
        <p className="muted">None set.</p>
      ) : (
        <ul className="env-list" data-testid="env-names">
          {names.map((name) => (
            <li key={`plain-${name}`} className="env-list__item">
              <code>{name}</code>
            </li>
          ))}
          {secretNames.map((name) => (
            <li key={`secret-${name}`} className="env-list__item" data-testid="secret-env-name">
              <code>{name}</code>
              <span className="env-list__secret">
                <Icon name="lock" />
                stored in the keychain
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="muted">Only names are shown here; values stay with MCP Tray.</p>
    </section>
  );
}
