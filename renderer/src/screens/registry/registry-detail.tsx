import '../catalog/entry-parts.css';
import type { RegistryEntryDetail, RegistryOption } from '../../../../electron/shared/contract';
import { Icon } from '../../components/icon';
import { webLink } from '../account/account-format';
import { DetailList } from '../detail-list';
import { formatDateTime } from '../format';
import { OPTION_LABELS } from './registry-fields';

const link = (url: string | null) => {
  const safe = url ? webLink(url) : null;
  if (!safe) return url ?? <span className="muted">None given</span>;
  return (
    <a href={safe} target="_blank" rel="noreferrer">
      {safe}
    </a>
  );
};

/** Every value one option asks for, by name, with whether it is required or secret. */
function OptionFields({ option }: { option: RegistryOption }) {
  if (option.fields.length === 0) return <span className="muted">Asks for nothing</span>;
  return (
    <ul className="registry-fields" aria-label={`What the ${OPTION_LABELS[option.type]} asks for`}>
      {option.fields.map((field) => (
        <li key={field.key}>
          <code>{field.kind === 'named' ? `--${field.key}` : field.key}</code>{' '}
          {field.required ? '(required' : '(optional'}
          {field.secret ? ', secret)' : ')'}
          {field.description && <span className="muted"> {field.description}</span>}
        </li>
      ))}
    </ul>
  );
}

/** What the registry says about an entry: who published it, where its code is, what it installs. */
export function RegistryDetail({ entry }: { entry: RegistryEntryDetail }) {
  const packages = entry.options.filter((o) => o.type !== 'remote');
  const remotes = entry.options.filter((o) => o.type === 'remote');
  const optionRow = (option: RegistryOption) => (
    <li key={`${option.type}:${option.index}`} data-testid="registry-option-fact">
      <strong>{OPTION_LABELS[option.type]}</strong> <code>{option.identifier}</code>
      {option.version && <> at {option.version}</>} · {option.transport}
      <OptionFields option={option} />
    </li>
  );
  return (
    <div data-testid="registry-detail">
      {entry.status !== 'active' && (
        <p className="runtime-hint" role="alert" data-testid="registry-deprecated">
          <Icon name="triangle" />
          <span>
            <strong>This entry is {entry.status}; MCP Tray does not install it.</strong>{' '}
            {entry.statusMessage ?? ''}
          </span>
        </p>
      )}
      <DetailList
        title="From the MCP Registry"
        rows={[
          [
            'Publisher',
            <span key="ns" data-testid="registry-publisher">
              <code>{entry.namespace}</code>{' '}
              <span className="muted">(namespace verified by the registry)</span>
            </span>,
          ],
          ['Name', <code key="name">{entry.name}</code>],
          [
            'Version',
            <span key="v" data-testid="registry-version">
              {entry.version}
            </span>,
          ],
          ['Published', entry.publishedAt ? formatDateTime(entry.publishedAt) : 'Unknown'],
          ['Repository', link(entry.repository)],
          [
            'Registry',
            <span key="r" data-testid="registry-name">
              {entry.registryName}
            </span>,
          ],
          [
            'Packages',
            packages.length === 0 ? (
              'None'
            ) : (
              <ul className="registry-options-facts">{packages.map(optionRow)}</ul>
            ),
          ],
          [
            'Remotes',
            remotes.length === 0 ? (
              'None'
            ) : (
              <ul className="registry-options-facts">{remotes.map(optionRow)}</ul>
            ),
          ],
        ]}
      />
    </div>
  );
}
