// Every control on screen is drawn as the kind the field registry declares (scenario/fields.ts,
// `control`), and every declared control is on screen somewhere. The kind is read from the DOM
// itself (a range input, a select, a checkbox, a reset button, a text box), not from anything
// the components say about themselves.
import { test, expect, type Page } from '@playwright/test';
import { FIELDS } from '../src/scenario/fields';
import { controlId } from '../src/scenario/keys';
import { waitForApp } from './shareHelpers';

async function drawnKinds(page: Page): Promise<Record<string, string>> {
  // Closed groups (the hardware figures) still hold their controls; open them so all render as seen.
  await page.$$eval('details.ctl-section', (els) => els.forEach((d) => ((d as HTMLDetailsElement).open = true)));
  return page.$$eval('[data-control]', (els) =>
    Object.fromEntries(
      els.map((el) => {
        const has = (sel: string) => el.querySelector(sel) !== null;
        const kind = has('input[type="range"]')
          ? 'slider'
          : has('button.reset')
            ? 'override'
            : has('select')
              ? 'select'
              : has('input[type="checkbox"]')
                ? 'toggle'
                : has('input[type="text"]')
                  ? 'number'
                  : 'none';
        return [el.getAttribute('data-control')!, kind];
      }),
    ),
  );
}

test('each control is drawn as the kind the field registry declares, and each declared control is drawn', async ({ page }) => {
  await page.goto('/#v=2&vp=dataflow');
  await waitForApp(page);
  const drawn = await drawnKinds(page);
  // The LLM side bar shows on the other tabs; a custom model shows its shape's fields.
  await page.locator('#tab-sram').click();
  await page.locator('#llm-model-select').selectOption('custom');
  await expect(page.locator('[data-control="llm-custom-layers"]')).toBeVisible();
  // speculative decoding with a draft model shows its draft, length and acceptance fields
  await page.$$eval('details.ctl-section', (els) => els.forEach((d) => ((d as HTMLDetailsElement).open = true)));
  await page.locator('[data-control="llm-speculative-mode"] select').selectOption('draft');
  await expect(page.locator('[data-control="llm-speculative-draft"]')).toBeVisible();
  Object.assign(drawn, await drawnKinds(page));

  const declared = Object.fromEntries(FIELDS.flatMap((f) => (f.control ? [[controlId(f.path), f.control]] : [])));
  expect(Object.keys(declared).length).toBeGreaterThan(50);
  expect(drawn).toEqual(declared);
});
