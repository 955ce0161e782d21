import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { ServedHost } from '../support/serve';
import { seedInstances, startServe } from '../support/serve';

const FIXTURES = path.resolve(import.meta.dirname, '../../electron/core/supervisor/fixtures');

let host: ServedHost;
test.afterEach(async () => {
  await host?.stop();
});

test('supervised servers show live state, detail, tools and the stderr tail; Restart works', async ({
  page,
}) => {
  host = await startServe((dir) =>
    seedInstances(dir, [
      { id: 'notes', name: 'Notes', enabled: true, launch: [path.join(FIXTURES, 'fixture-server.mjs')] },
      { id: 'broken', name: 'Broken', enabled: true, launch: [path.join(FIXTURES, 'crash-at-start.mjs')] },
    ]),
  );
  await page.goto(host.url);
  const notes = page.getByTestId('instance-row').filter({ hasText: 'Notes' });
  await expect(notes).toContainText('Running');
  await expect(notes).toContainText('2 tools');
  const broken = page.getByTestId('instance-row').filter({ hasText: 'Broken' });
  await expect(broken).toContainText(/GITHUB_TOKEN is not set/);
  await expect(broken).toContainText(/Retrying/);

  await notes.getByTestId('instance-link').click();
  const detail = page.getByTestId('instance-detail');
  await expect(detail.getByRole('heading', { level: 1 })).toHaveText('Notes');
  await detail.getByTestId('tab-tools').click();
  await expect(detail.getByTestId('tool-row')).toHaveCount(2);
  await detail.getByTestId('tab-process').click();
  await expect(detail.getByTestId('stderr-tail')).toContainText('fixture ready pid');
  await detail.getByTestId('tab-process').click();
  const pidBefore = await detail.getByTestId('panel-process').textContent();

  await detail.getByTestId('action-restart').click();
  await expect(detail.getByTestId('detail-status')).toContainText('Running');
  await detail.getByTestId('tab-overview').click();
  await expect(detail.getByTestId('history-entry').first()).toContainText('Running');
  await detail.getByTestId('tab-process').click();
  await expect(detail.getByTestId('panel-process')).not.toHaveText(pidBefore!);
});
