// A locked classroom view refuses an imported scenario file and says so; nothing changes.
import { test, expect } from '@playwright/test';
import { waitForApp } from './shareHelpers';

const file = (batch: number) => ({ name: `batch-${batch}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ v: 2, llm: { batch } })) });

test('a locked view refuses an imported file, says so, and keeps the scenario', async ({ page }) => {
  await page.goto('/');
  await waitForApp(page);
  await page.locator('#tab-sram').click();
  const batch = page.locator('[data-control="llm-batch"] input[type="text"]');
  // Unlocked, the same import path applies the file.
  await page.getByTestId('import-file').setInputFiles(file(7));
  await page.locator('#tab-sram').click(); // the file's view (the default tab) came with it
  await expect(batch).toHaveValue('7');

  await page.getByTestId('classroom-open').click();
  const dialog = page.getByTestId('classroom-dialog');
  await dialog.getByTestId('classroom-lock').check();
  await dialog.getByTestId('classroom-apply').click();
  await expect(page.getByTestId('locked-note')).toBeVisible();
  await expect(page.getByTestId('import-json')).toBeDisabled();
  const hash = await page.evaluate(() => location.hash);

  // The file input itself can still be handed a file: the locked view must refuse it.
  await page.getByTestId('import-file').setInputFiles(file(9));
  const refused = page.getByTestId('import-refused');
  await expect(refused).toBeVisible();
  await expect(refused).toHaveAttribute('role', 'alert');
  await expect(refused).toContainText('locked by its author');
  await expect(page.getByTestId('share-status')).toContainText('Import refused');
  await expect(batch).toHaveValue('7');
  await expect(page.getByTestId('locked-note')).toBeVisible();
  expect(await page.evaluate(() => location.hash)).toBe(hash);
});
