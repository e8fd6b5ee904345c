// lib.mjs: what the browser tests share: Debian's chromium driven by
// playwright-core (never a downloaded browser), TAP-like output that
// tests/run.sh counts ("ok N - what" / "not ok N - what"), and a place for
// screenshots kept as test artefacts (build/browser/).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const top = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const artefacts = process.env.TZ_BROWSER_ARTEFACTS || join(top, 'build', 'browser');
mkdirSync(artefacts, { recursive: true });

// The flags this closed network needs: no background connections, no
// sandbox as root, no GPU. Playwright gives each launch a fresh profile.
export async function launch() {
  return chromium.launch({
    executablePath: process.env.TZ_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--no-first-run',
           '--disable-quic'],
  });
}

// A phone: 390 px wide (an iPhone 12–15), touch, device scale 3.
export const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3,
                       isMobile: true, hasTouch: true, locale: 'zh-CN' };

let n = 0, failed = 0;

// check('what', boolean|function): one test line; a thrown error fails it.
export async function check(what, cond) {
  n++;
  let okay = false, why = '';
  try {
    okay = typeof cond === 'function' ? await cond() : cond;
  } catch (e) {
    why = String(e && e.stack || e);
  }
  if (okay) {
    console.log(`ok ${n} - ${what}`);
  } else {
    failed++;
    console.log(`not ok ${n} - ${what}`);
    if (why) console.log(why.split('\n').map((l) => '#   ' + l).join('\n'));
  }
  return okay;
}

// Run a test body with a browser, closing it whatever happens; the exit
// status says whether every check passed.
export async function run(body) {
  const browser = await launch();
  try {
    await body(browser);
  } catch (e) {
    await check('the test ran to its end', () => { throw e; });
  } finally {
    await browser.close();
  }
  process.exitCode = failed ? 1 : 0;
}
