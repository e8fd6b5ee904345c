// t0310-reporting.mjs: the monthly reporting form (调度填报) in Debian's
// chromium: a reporter signs in, fills a month, sees a field error for a
// bad amount with nothing saved, corrects it and sees it saved — on a
// desktop and again on a 390 px phone, where each project is a card and
// nothing scrolls sideways; "沿用上月" copies last month's text; printed,
// the form stays and the navigation goes. Screenshots in build/browser/.
import { run, check, phone, artefacts } from './lib.mjs';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = process.env.TZ_BIN;
if (!bin) {
  console.log('not ok 1 - TZ_BIN is set (run through make test)');
  process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), 'tz-browser-'));
const db = join(dir, 'demo.db');

function tz(...args) {
  const r = spawnSync(bin, ['--db', db, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`taizhang ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

// The 2025-12 report of a project as the store holds it, or undefined.
function stored(code) {
  tz('export', 'progress', '--format', 'csv', '--out', join(dir, 'r.csv'));
  return readFileSync(join(dir, 'r.csv'), 'utf8').split('\n')
    .find((l) => l.startsWith(code + ',2025-12,'));
}

// Projects of 鲅鱼圈区 without a 2025-12 report: the reporter's to fill.
tz('demo', '--projects', '300');
tz('export', 'projects', '--format', 'csv', '--out', join(dir, 'p.csv'));
const todo = readFileSync(join(dir, 'p.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split('\n')
  .slice(1).map((l) => l.split(',')).filter((r) => r[3] === '鲅鱼圈区').map((r) => r[1])
  .filter((c) => !stored(c)).sort();
const [desk1, phone1] = todo;

const server = spawn(bin, ['--db', db, 'serve', '--listen', '127.0.0.1:0', '--access-log', 'off',
  '--weak-hashes', 'on'], { stdio: ['ignore', 'pipe', 'pipe'] });
const base = await new Promise((resolve, reject) => {
  let out = '';
  const timer = setTimeout(() => reject(new Error('the server did not start')), 20000);
  server.stdout.on('data', (d) => {
    out += d;
    const m = out.match(/http:\/\/127\.0\.0\.1:\d+/);
    if (m) { clearTimeout(timer); resolve(m[0]); }
  });
  server.on('exit', () => reject(new Error('the server stopped')));
});

async function signIn(page, login) {
  await page.goto(base + '/login');
  await page.fill('input[name=login]', login);
  await page.fill('input[name=password]', 'demo-taizhang');
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
}

// Fill one project's row, save, and wait for the answer.
async function fillAndSave(page, code, amount) {
  await page.fill(`input[name="c.${code}"]`, amount);
  await page.selectOption(`select[name="s.${code}"]`, '已开工');
  await Promise.all([page.waitForNavigation(), page.click('.actions.save button[type=submit]')]);
}

// The month of a reporter: a bad amount, nothing saved; corrected, saved.
async function month(page, code, where) {
  await page.goto(base + '/report');
  await check(`${where}: the form opens on 2025-12`, async () =>
    (await page.locator('h1').textContent()).includes('调度期 2025-12'));
  await check(`${where}: the project is on it, not reported yet`, async () =>
    (await page.locator(`#r-${code}`).count()) === 1 &&
    (await page.locator(`#r-${code} .tag.done`).count()) === 0);
  const copy = page.locator(`button.copy[data-to="t.${code}"]`);
  if (await copy.count()) {
    await check(`${where}: "沿用上月" is shown with the script`, () => copy.isVisible());
    await copy.click();
    await check(`${where}: …and copies last month's 形象进度`, async () =>
      (await page.inputValue(`textarea[name="t.${code}"]`)) === (await copy.getAttribute('data-value')));
  }
  await fillAndSave(page, code, '约一亿');
  const error = page.locator(`#e-c-${code}`);
  await check(`${where}: a bad amount shows its message next to the field`, async () =>
    (await error.textContent()).includes('本期完成投资“约一亿”不是有效的金额') &&
    (await page.getAttribute(`input[name="c.${code}"]`, 'aria-invalid')) === 'true');
  await check(`${where}: …what was typed is kept`, async () =>
    (await page.inputValue(`input[name="c.${code}"]`)) === '约一亿' &&
    (await page.inputValue(`select[name="s.${code}"]`)) === '已开工');
  await check(`${where}: …the page says nothing was saved`, async () =>
    (await page.locator('.msg.bad[role=alert]').textContent()).includes('本页没有保存任何数据'));
  await check(`${where}: …and nothing is in the store`, () => stored(code) === undefined);
  await check(`${where}: …the field with the error is in view`, async () => {
    const box = await page.locator(`input[name="c.${code}"]`).boundingBox();
    const h = page.viewportSize().height;
    return box && box.y >= 0 && box.y + box.height <= h;
  });
  return error;
}

try {
  await run(async (browser) => {
    await check('the demo has three projects of 鲅鱼圈区 to report', () => !!(desk1 && phone1 && todo[2]));

    // On a desktop.
    const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await desk.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, 'reporter-byq');
    await month(page, desk1, 'desktop');
    await page.screenshot({ path: join(artefacts, 't0310-report-error.png'), fullPage: false });
    await fillAndSave(page, desk1, '123.45');
    await check('desktop: corrected, it is saved', async () =>
      (await page.locator('.msg.good').textContent()).includes('已保存 1 个项目的调度数据'));
    await check('desktop: …in the store', () => (stored(desk1) || '').startsWith(`${desk1},2025-12,123.45,已开工`));
    await check('desktop: …and the row says 已报送', async () =>
      (await page.locator(`#r-${desk1} .tag.done`).count()) === 1);
    await page.screenshot({ path: join(artefacts, 't0310-report-saved.png'), fullPage: false });

    // The session ends while a report is typed: the post goes to the login
    // page, nothing is saved, and the typing comes back on the form.
    const desk3 = todo[2];
    await page.goto(base + '/report');
    await page.fill(`input[name="c.${desk3}"]`, '66.6');
    await page.selectOption(`select[name="s.${desk3}"]`, '已开工');
    await page.fill(`textarea[name="t.${desk3}"]`, '基础施工，完成桩基80根');
    await desk.clearCookies();
    await Promise.all([page.waitForNavigation(), page.click('.actions.save button[type=submit]')]);
    await check('expired: the post lands on the login page, saying so', async () =>
      new URL(page.url()).pathname === '/login' &&
      (await page.locator('.msg.bad').textContent()).includes('登录已过期，刚才提交的内容没有保存'));
    await check('expired: …nothing is stored', () => stored(desk3) === undefined);
    await page.fill('input[name=login]', 'reporter-byq');
    await page.fill('input[name=password]', 'demo-taizhang');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    await check('expired: signed in again, back on the form', async () =>
      new URL(page.url()).pathname === '/report');
    await check('expired: …the typing is put back, and said', async () =>
      (await page.inputValue(`input[name="c.${desk3}"]`)) === '66.6' &&
      (await page.inputValue(`select[name="s.${desk3}"]`)) === '已开工' &&
      (await page.inputValue(`textarea[name="t.${desk3}"]`)) === '基础施工，完成桩基80根' &&
      (await page.locator('.msg.draft').textContent()).includes('已恢复本页上次未保存的填写内容（3项）'));
    await Promise.all([page.waitForNavigation(), page.click('.actions.save button[type=submit]')]);
    await check('expired: saved now', async () =>
      (await page.locator('.msg.good').textContent()).includes('已保存 1 个项目的调度数据') &&
      (stored(desk3) || '').startsWith(`${desk3},2025-12,66.60,已开工`));
    await page.goto(base + '/report');
    await check('expired: …and nothing is put back once saved', async () =>
      (await page.locator('.msg.draft').count()) === 0);
    // A draft can be dropped: the page's own values come back.
    await page.fill(`input[name="c.${desk3}"]`, '77');
    await page.goto(base + '/report');
    await page.click('.msg.draft button');
    await check('draft dropped: the saved value is back', async () =>
      (await page.inputValue(`input[name="c.${desk3}"]`)) === '66.60' &&
      (await page.locator('.msg.draft').count()) === 0);
    await page.goto(base + '/report');
    await check('draft dropped: …for good', async () => (await page.locator('.msg.draft').count()) === 0);

    // Printed: the form stays, the navigation and the save button go.
    await page.emulateMedia({ media: 'print' });
    await check('printed: the form is there, the navigation is not', async () =>
      (await page.locator('form.report-form').isVisible()) &&
      (await page.locator('nav.nav').isHidden()) &&
      (await page.locator('.actions.save').isHidden()));
    await page.pdf({ path: join(artefacts, 't0310-report.pdf'), format: 'A4', landscape: true });
    await check('desktop: no script errors', () => errors.length === 0);
    await desk.close();

    // On a 390 px phone.
    const mobile = await browser.newContext(phone);
    const p2 = await mobile.newPage();
    p2.on('pageerror', (e) => errors.push(e.message));
    await signIn(p2, 'reporter-byq');
    await p2.goto(base + '/report');
    await check('phone: the form fits 390 px', async () =>
      (await p2.evaluate(() => document.documentElement.scrollWidth)) <= 390);
    await check('phone: each project is a card', async () =>
      p2.evaluate((code) => {
        const row = document.getElementById('r-' + code);
        const head = document.querySelector('table.report thead');
        return getComputedStyle(row).display === 'block' && head.getBoundingClientRect().height <= 1;
      }, phone1));
    await p2.screenshot({ path: join(artefacts, 't0310-report-390.png'), fullPage: false });
    await month(p2, phone1, 'phone');
    await check('phone: with the error, still 390 px', async () =>
      (await p2.evaluate(() => document.documentElement.scrollWidth)) <= 390);
    await p2.screenshot({ path: join(artefacts, 't0310-report-error-390.png'), fullPage: false });
    await fillAndSave(p2, phone1, '88');
    await check('phone: corrected, it is saved', async () =>
      (await p2.locator('.msg.good').textContent()).includes('已保存 1 个项目的调度数据'));
    await check('phone: …in the store', () => (stored(phone1) || '').startsWith(`${phone1},2025-12,88.00,已开工`));
    await p2.screenshot({ path: join(artefacts, 't0310-report-saved-390.png'), fullPage: false });
    await check('phone: no script errors', () => errors.length === 0);
    await mobile.close();
  });
} finally {
  server.kill('SIGTERM');
  const code = await new Promise((resolve) => server.on('exit', (c) => resolve(c)));
  await check('the server stops cleanly', () => code === 0);
  rmSync(dir, { recursive: true, force: true });
}
