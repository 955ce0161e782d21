import './instance-detail.css';
import { useId } from 'react';
import type { InstanceDetail, StatsSample } from '../../../../electron/shared/contract';
import { Icon } from '../../components/icon';
import { Sparkline } from '../../components/sparkline';
import { DetailList } from '../detail-list';
import { formatCommandLine, formatCpu, formatMegabytes, plural } from '../format';
import { LogPanel } from './log-panel';

const MB = 1024 * 1024;

function usageRows(instance: InstanceDetail) {
  const { stats } = instance;
  if (!stats) return [['Resource use', instance.pid === null ? 'Not running' : 'Not measured yet'] as const];
  return [
    ['CPU', formatCpu(stats.cpuPercent)],
    ['Memory', formatMegabytes(stats.rssBytes)],
    ['Processes', String(stats.processCount)],
  ] as const;
}

/** "the last 5 minutes", from the span the samples cover. */
function spanOf(samples: readonly StatsSample[]): string {
  const first = Date.parse(samples[0]?.at ?? '');
  const last = Date.parse(samples.at(-1)?.at ?? '');
  const minutes = Math.round((last - first) / 60_000);
  if (!Number.isFinite(minutes) || minutes < 1) return 'the last minute';
  return minutes === 1 ? 'the last minute' : `the last ${minutes} minutes`;
}

function Trends({ samples }: { samples: readonly StatsSample[] }) {
  const headingId = useId();
  const cpu = samples.map((s) => s.cpuPercent);
  const memory = samples.map((s) => s.rssBytes);
  const span = spanOf(samples);
  const cpuText = `Now ${formatCpu(cpu.at(-1) ?? 0)}, peak ${formatCpu(Math.max(...cpu))}`;
  const memoryText = `Now ${formatMegabytes(memory.at(-1) ?? 0)}, peak ${formatMegabytes(Math.max(...memory))}`;
  return (
    <section className="details" aria-labelledby={headingId} data-testid="trends">
      <h2 id={headingId} className="details__title">
        Over {span}
      </h2>
      <div className="trends">
        <figure className="trend">
          <figcaption className="trend__caption">
            <span>CPU</span>
            <span className="trend__value" data-testid="cpu-trend-text">
              {cpuText}
            </span>
          </figcaption>
          <Sparkline values={cpu} minTop={5} label={`CPU over ${span}. ${cpuText}.`} testId="cpu-sparkline" />
        </figure>
        <figure className="trend">
          <figcaption className="trend__caption">
            <span>Memory</span>
            <span className="trend__value" data-testid="memory-trend-text">
              {memoryText}
            </span>
          </figcaption>
          <Sparkline
            values={memory}
            minTop={16 * MB}
            label={`Memory over ${span}. ${memoryText}.`}
            testId="memory-sparkline"
          />
        </figure>
      </div>
    </section>
  );
}

/** The running process: pid, CPU and memory now and recently, the command, and its error output. */
export function ProcessPanel({ instance, active }: { instance: InstanceDetail; active: boolean }) {
  const commandId = useId();
  const stderrId = useId();
  return (
    <div className="panel-stack">
      <DetailList
        title="Process"
        rows={[
          ['Process ID', instance.pid === null ? 'Not running' : String(instance.pid)],
          ...usageRows(instance),
        ]}
      />
      {instance.statsHistory.length > 0 && <Trends samples={instance.statsHistory} />}
      <section className="details" aria-labelledby={commandId}>
        <h2 id={commandId} className="details__title">
          Command
        </h2>
        <pre className="code-block" data-testid="command-line">
          <code>{instance.command ? formatCommandLine(instance.command, instance.args) : 'Unknown'}</code>
        </pre>
      </section>
      <section className="details" aria-labelledby={stderrId}>
        <h2 id={stderrId} className="details__title">
          Error output
        </h2>
        <LogPanel lines={instance.stderrTail} active={active} />
      </section>
      {instance.garbageLines > 0 && (
        <p className="note" data-testid="garbage-lines">
          <Icon name="info" />
          {plural(instance.garbageLines, 'line')} of stray output ignored
        </p>
      )}
    </div>
  );
}
