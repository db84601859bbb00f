// The price-book editor opened on the sample, for the tests of the office manager's walk-through
// (editor-walkthrough.test.mjs, editor-office.test.mjs).
import { launch, watch } from './browser.mjs';
import { serve } from './server.mjs';

/** The editor at `width` px with the sample open; `stop()` closes the browser and the server. */
export async function start(width = 1280) {
  const server = await serve();
  const browser = await launch();
  const page = await browser.newPage();
  await page.setViewportSize({ width, height: 900 });
  const seen = await watch(page);
  await page.goto(`${server.url}editor.html?sample`);
  await page.locator('#editing').waitFor();
  return { page, seen, server, stop: async () => { await browser.close(); await server.close(); } };
}
