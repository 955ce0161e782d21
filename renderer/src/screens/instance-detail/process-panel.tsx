import { useId } from 'react';
import type { InstanceDetail } from '../../../../electron/shared/contract';
import { Icon } from '../../components/icon';
import { DetailList } from '../detail-list';
import { formatCommandLine, formatCpu, formatMegabytes, plural } from '../format';

function usageRows(instance: InstanceDetail) {
  const { stats } = instance;
  if (!stats) return [['Resource use', instance.pid === null ? 'Not running' : 'Not measured yet'] as const];
  return [
    ['CPU', formatCpu(stats.cpuPercent)],
    ['Memory', formatMegabytes(stats.rssBytes)],
    ['Processes', String(stats.processCount)],
  ] as const;
}

function Environment({ names, secretNames }: { names: readonly string[]; secretNames: readonly string[] }) {
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

export function ProcessPanel({ instance }: { instance: InstanceDetail }) {
  const commandId = useId();
  return (
    <div className="panel-stack">
      <DetailList
        title="Process"
        rows={[
          ['Process ID', instance.pid === null ? 'Not running' : String(instance.pid)],
          ...usageRows(instance),
        ]}
      />
      <section className="details" aria-labelledby={commandId}>
        <h2 id={commandId} className="details__title">
          Command
        </h2>
        <pre className="code-block" data-testid="command-line">
          <code>{instance.command ? formatCommandLine(instance.command, instance.args) : 'Unknown'}</code>
        </pre>
      </section>
      <Environment names={instance.envNames} secretNames={instance.secretEnvNames} />
      {instance.garbageLines > 0 && (
        <p className="note" data-testid="garbage-lines">
          <Icon name="info" />
          {plural(instance.garbageLines, 'line')} of stray output ignored
        </p>
      )}
    </div>
  );
}
