// t0010-harness.mjs: the harness itself: chromium starts, renders Chinese
// at phone width, and a screenshot is written.
import { run, check, phone, artefacts } from './lib.mjs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

await run(async (browser) => {
  const page = await browser.newPage(phone);
  await page.setContent('<!doctype html><html lang="zh-CN"><meta name="viewport" ' +
    'content="width=device-width"><body><h1 id="t">重点项目建设情况通报</h1></body></html>');
  await check('a page renders at 390 px', async () =>
    (await page.evaluate(() => window.innerWidth)) === 390);
  await check('Chinese text is laid out', async () =>
    (await page.locator('#t').boundingBox()).width > 100);
  const shot = join(artefacts, 't0010-harness.png');
  await page.screenshot({ path: shot });
  await check('a screenshot is kept', () => existsSync(shot));
});
