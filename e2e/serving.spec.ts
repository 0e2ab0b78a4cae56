// Deploy and serve, as a learner works: deploy @champion from the seeded registry, call the
// endpoint from its console (hostile requests included), replay dirty production traffic, read the
// log, then roll out the challenger by canary (promoted, and rolled back by its guard), A/B and
// shadow; and a reload in the middle of a replay.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { deployChampion } from './workbench';

test.describe.configure({ mode: 'serial' });

/** Runs traffic from the traffic tab to its end and returns the totals line. */
async function runTraffic(page: Page, name: string, settings: { days: string; perDay: string; dirty?: string; scenario?: string }) {
  await page.goto(`/workbench/endpoint?name=${name}&tab=traffic`);
  const panel = page.getByTestId('traffic-panel');
  await panel.getByLabel('Scenario').selectOption(settings.scenario ?? 'control');
  await panel.getByLabel('Days').fill(settings.days);
  await panel.getByLabel('Requests a day').fill(settings.perDay);
  await panel.getByLabel('Dirty data (% of rows)').fill(settings.dirty ?? '0');
  await panel.getByLabel('Speed').selectOption('max');
  await panel.getByTestId('replay-start').click();
  await expect(page.getByTestId('replay-result')).toHaveAttribute('data-status', 'FINISHED', { timeout: 90_000 });
  return page.getByTestId('traffic-totals');
}

test('deploy @champion, call it from the console with hostile requests, and serve dirty traffic with every reject explained', async ({ page }) => {
  test.setTimeout(180_000);
  await deployChampion(page, 'delay-api');
  await expect(page.getByTestId('deployment-timeline').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('deployment-timeline')).toContainText('first release');

  // The console: a good request is answered by v1; hostile ones get the package server's words.
  await page.getByRole('link', { name: 'Request console' }).click();
  const console_ = page.getByTestId('request-console');
  await console_.getByTestId('console-send').click();
  const response = page.getByTestId('console-response');
  await expect(response).toHaveAttribute('data-status', '200');
  await expect(response).toHaveAttribute('data-version', '1');
  await expect(page.getByTestId('console-response-body')).toContainText('"predictions"');
  await expect(page.getByTestId('console-latency')).toHaveText(/\d+\.\d ms/);
  await console_.getByTestId('console-body').fill('{"id": "x", "columns": [');
  await console_.getByTestId('console-send').click();
  await expect(response).toHaveAttribute('data-status', '400');
  await expect(page.getByTestId('console-response-body')).toContainText('The request body is not valid JSON');
  await console_.getByTestId('console-body').fill('');
  await console_.getByTestId('console-send').click();
  await expect(page.getByTestId('console-response-body')).toContainText('The request body is empty');
  await console_.getByRole('button', { name: 'Unknown column' }).click();
  await console_.getByTestId('console-send').click();
  await expect(page.getByTestId('console-response-body')).toContainText('Unknown column \\"colour\\". This model takes:');
  await console_.getByRole('button', { name: 'A dirty batch' }).click();
  await console_.getByTestId('console-send').click();
  await expect(response).toHaveAttribute('data-status', '200');
  const body = JSON.parse((await page.getByTestId('console-response-body').textContent())!) as { predictions: unknown[]; validation: { rejected: number; rows: Array<{ row: number; verdict: string; issues: Array<{ message: string }> }> } };
  // Four rows: the good ones answered, the malformed number rejected with its reason; the rest of the batch survives.
  expect(body.predictions).toHaveLength(4);
  expect(body.predictions[0]).not.toBeNull();
  expect(body.predictions[1]).toBeNull();
  expect(body.validation.rows.find((r) => r.row === 1)!.issues[0]!.message).toMatch(/row 1, column .*: expected a number, got "12,5"/);

  // Dirty production traffic: validation counts by kind, and no crash.
  const totals = await runTraffic(page, 'delay-api', { days: '3', perDay: '300', dirty: '10' });
  await expect(totals).toContainText('900 requests');
  const rejected = (await totals.getAttribute('data-rejected'))!;
  expect(Number(rejected)).toBeGreaterThan(20);
  // No accepted row failed in the model; requests whose columns changed were refused whole, with a 400 saying why.
  await expect(totals).toHaveAttribute('data-errors', '0');
  expect(Number(await totals.getAttribute('data-refused'))).toBeGreaterThan(0);
  const firstDay = page.getByTestId('traffic-windows').locator('tbody tr').last();
  await expect(firstDay).toContainText(/malformed-number \d+/);
  await expect(firstDay).toContainText(/accuracy 0\.\d{3}/);

  // The log: every rejected row has its reason; labels joined; exports download.
  await page.getByRole('link', { name: 'Prediction log' }).click();
  const log = page.getByTestId('prediction-log');
  await log.getByLabel('Status').selectOption('rejected');
  // The replay's rejects, plus the console's three: the short row, "12,5" and the all-null row.
  await expect(page.getByTestId('log-count')).toHaveAttribute('data-count', String(Number(rejected) + 3));
  const rejectedRows = page.getByTestId('log-table').locator('tbody tr');
  await expect(rejectedRows.first()).toBeVisible();
  for (const cell of await rejectedRows.locator('td:nth-child(7)').allTextContents()) expect(cell).not.toBe('—');
  await log.getByLabel('Status').selectOption('');
  await log.getByLabel('Label').selectOption('yes');
  expect(Number(await page.getByTestId('log-count').getAttribute('data-count'))).toBeGreaterThan(700);
  const download = page.waitForEvent('download');
  await log.getByTestId('log-export-csv').click();
  const file = await (await download).path();
  const { readFileSync } = await import('node:fs');
  const csv = readFileSync(file, 'utf8').split('\r\n');
  expect(csv[0]).toMatch(/^request_id,row,at,window,version,role,status,issues,latency_ms,.*hour.*,prediction,score,label$/);
  expect(csv.filter((l) => l !== '').length - 1).toBe(Number(await page.getByTestId('log-count').getAttribute('data-count')));
});

test('a canary of the challenger promotes step by step; a canary whose guard breaches rolls back by itself', async ({ page }) => {
  test.setTimeout(180_000);
  await deployChampion(page, 'canary-api');
  const panel = page.getByTestId('rollout-panel');
  await panel.getByLabel('Version to try').selectOption('2');
  await panel.getByLabel('Steps (% of requests)').fill('10, 50, 100');
  await panel.getByLabel('Hold each step for (candidate requests)').fill('60');
  await panel.getByLabel('Roll back above this p95 latency (ms)').fill('10000');
  await panel.getByLabel('Roll back when the live metric is worse than the primary’s by more than (%)').fill('100');
  await panel.getByTestId('rollout-start').click();
  await expect(page.getByTestId('endpoint-routes')).toHaveText('v1 90 % · v2 10 % (canary)');
  await runTraffic(page, 'canary-api', { days: '4', perDay: '400' });
  await expect(page.getByTestId('replay-events')).toContainText('promoted to serve all traffic');
  await page.getByRole('link', { name: 'Overview' }).click();
  await expect(page.getByTestId('endpoint-routes')).toHaveText('v2 100 %');
  const timeline = page.getByTestId('deployment-timeline');
  await expect(timeline.locator('tr[data-action="canary-step"]')).toHaveCount(2);
  await expect(timeline.locator('tr[data-action="promote"]')).toContainText('canary');

  // Now roll v1 back in with a latency guard no request can meet: the guard rolls it back.
  await panel.getByLabel('Version to try').selectOption('1');
  await panel.getByLabel('Steps (% of requests)').fill('25, 100');
  await panel.getByLabel('Roll back above this p95 latency (ms)').fill('0.000001');
  await panel.getByTestId('rollout-start').click();
  await expect(page.getByTestId('endpoint-routes')).toHaveText('v2 75 % · v1 25 % (canary)');
  await runTraffic(page, 'canary-api', { days: '1', perDay: '400' });
  await expect(page.getByTestId('replay-events')).toContainText('rolled back');
  await page.getByRole('link', { name: 'Overview' }).click();
  await expect(page.getByTestId('endpoint-routes')).toHaveText('v2 100 %');
  const rollback = page.getByTestId('deployment-timeline').locator('tr[data-action="rollback"]');
  await expect(rollback).toHaveAttribute('data-actor', 'canary guard');
  await expect(rollback).toContainText('p95 latency');
});

test('an A/B test names a winner only when significant; a shadow is logged, never returned, and its agreement shown', async ({ page }) => {
  test.setTimeout(180_000);
  await deployChampion(page, 'ab-api');
  const panel = page.getByTestId('rollout-panel');
  await panel.getByLabel('Strategy').selectOption('ab');
  await panel.getByLabel('Version to try').selectOption('2');
  await panel.getByTestId('rollout-start').click();
  await expect(page.getByTestId('endpoint-routes')).toHaveText('v1 50 % (A) · v2 50 % (B)');
  await expect(page.getByTestId('ab-result')).toHaveAttribute('data-winner', '');
  await runTraffic(page, 'ab-api', { days: '3', perDay: '400' });
  await page.getByRole('link', { name: 'Overview' }).click();
  const result = page.getByTestId('ab-result');
  await expect(page.getByTestId('ab-sentence')).not.toBeEmpty();
  const significant = (await result.getAttribute('data-significant')) === 'true';
  // A winner is named exactly when the difference is significant.
  await expect(result).toHaveAttribute('data-winner', significant ? /^[AB]$/ : '');
  await result.getByText('How many rows does a test need?').click();
  await expect(page.getByTestId('ab-sample-size')).toContainText(/each arm needs about [\d,]+ labelled rows/);
  await panel.getByTestId('rollout-rollback').click();
  await expect(page.getByTestId('endpoint-routes')).toHaveText('v1 100 %');

  await panel.getByLabel('Strategy').selectOption('shadow');
  await panel.getByLabel('Version to try').selectOption('2');
  await panel.getByTestId('rollout-start').click();
  await expect(page.getByTestId('endpoint-routes')).toHaveText('v1 100 % · v2 shadow');
  await page.getByRole('link', { name: 'Request console' }).click();
  await page.getByTestId('console-send').click();
  await expect(page.getByTestId('console-response')).toHaveAttribute('data-version', '1');
  await expect(page.getByTestId('request-console')).toContainText('Shadow v2 would have answered');
  await runTraffic(page, 'ab-api', { days: '1', perDay: '300' });
  await expect(page.getByTestId('traffic-windows').locator('tbody tr').first()).toContainText(/\d+\.\d % of 300/);
  await page.getByRole('link', { name: 'Overview' }).click();
  await expect(page.getByTestId('shadow-agreement')).toContainText(/agreed with v1 on \d+\.\d % of/);
});

test('a reload in the middle of a replay loses no logged request, and the replay resumes to its end', async ({ page }) => {
  test.setTimeout(180_000);
  await deployChampion(page, 'reload-api');
  await page.goto('/workbench/endpoint?name=reload-api&tab=traffic');
  const panel = page.getByTestId('traffic-panel');
  await panel.getByLabel('Scenario').selectOption('control');
  await panel.getByLabel('Days').fill('4');
  await panel.getByLabel('Requests a day').fill('2000');
  await panel.getByLabel('Speed').selectOption('86400');
  await panel.getByTestId('replay-start').click();
  // Wait until some requests were flushed (once a second), then reload mid-way.
  await expect(page.getByTestId('traffic-totals')).not.toHaveAttribute('data-requests', '0', { timeout: 30_000 });
  await page.reload();
  const notice = page.getByTestId('replay-interrupted');
  await expect(notice).toContainText('every one of them is in the log');
  const logged = Number(await page.getByTestId('traffic-totals').getAttribute('data-requests'));
  expect(logged).toBeGreaterThan(0);
  expect(logged).toBeLessThan(8000);
  await page.getByRole('link', { name: 'Prediction log' }).click();
  await expect(page.getByTestId('log-count')).toHaveAttribute('data-count', String(logged));
  await page.getByRole('link', { name: 'Production traffic' }).click();
  await page.getByLabel('Speed').selectOption('max');
  await page.getByTestId('replay-resume').click();
  await expect(page.getByTestId('replay-result')).toHaveAttribute('data-status', 'FINISHED', { timeout: 90_000 });
  await expect(page.getByTestId('traffic-totals')).toHaveAttribute('data-requests', '8000');
  await page.getByRole('link', { name: 'Prediction log' }).click();
  await expect(page.getByTestId('log-count')).toHaveAttribute('data-count', '8000');
});
