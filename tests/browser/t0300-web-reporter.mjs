// t0300-web-reporter.mjs: the web application in Debian's chromium: a
// reporter signs in and sees its own projects, cannot open another
// county's project (a 404 page that does not name it); a leader reads its
// list and a project's chart on a 390 px phone without scrolling sideways;
// the list prints without its navigation. Screenshots (and a PDF) are kept
// in build/browser/.
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

// The demo, and a project of 盖州市 (not the reporter's 鲅鱼圈区) to try.
const demo = tz('demo', '--projects', '300');
const leaderName = (demo.match(/包联领导 ([^（]+)（/) || [])[1];
tz('export', 'projects', '--format', 'csv', '--out', join(dir, 'p.csv'));
const rows = readFileSync(join(dir, 'p.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split('\n')
  .slice(1).map((l) => l.split(','));
const other = rows.find((r) => r[3] === '盖州市');
const own = rows.find((r) => r[3] === '鲅鱼圈区');

// The server on a free port.
const server = spawn(bin, ['--db', db, 'serve', '--listen', '127.0.0.1:0', '--access-log', 'off'],
  { stdio: ['ignore', 'pipe', 'pipe'] });
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

try {
  await run(async (browser) => {
    await check('the demo has a project in each county and a leader', () => !!(other && own && leaderName));

    // A reporter of 鲅鱼圈区 on a desktop.
    const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await desk.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, 'reporter-byq');
    await check('signed in, the reporter lands on the dashboard', async () =>
      new URL(page.url()).pathname === '/' && (await page.locator('h1').textContent()).startsWith('工作台'));
    await page.goto(base + '/projects');
    const regions = await page.locator('td[data-label="所属地区"]').allTextContents();
    await check('it sees projects', () => regions.length > 0);
    await check('only its own district\'s', () => regions.every((r) => r === '鲅鱼圈区'));
    await check('the demo banner is shown', async () => (await page.locator('.demo').count()) === 1);
    await page.screenshot({ path: join(artefacts, 't0300-reporter-list.png'), fullPage: false });

    const mine = await page.goto(base + '/projects/' + encodeURIComponent(own[1]));
    await check('its own project opens', () => mine.status() === 200);
    await page.waitForSelector('.chart svg', { timeout: 10000 }).catch(() => {});
    await check('with its progress chart drawn by ECharts', async () =>
      (await page.locator('.chart svg').count()) > 0);
    await check('and its report history', async () =>
      (await page.locator('h2', { hasText: '调度记录' }).count()) === 1);
    await page.screenshot({ path: join(artefacts, 't0300-reporter-project.png'), fullPage: true });

    const theirs = await page.goto(base + '/projects/' + encodeURIComponent(other[1]));
    await check('another county\'s project answers 404', () => theirs.status() === 404);
    const body = await page.content();
    await check('the 404 page names neither its name nor its code', () =>
      !body.includes(other[2]) && !body.includes(other[1]));
    await check('the 404 page says the page does not exist', () => body.includes('页面不存在'));
    await page.screenshot({ path: join(artefacts, 't0300-reporter-other-county.png') });
    await check('no script errors', () => errors.length === 0);

    // Printing the list: no navigation, no filters.
    await page.goto(base + '/projects');
    await page.emulateMedia({ media: 'print' });
    await check('printed, the navigation and filters are hidden', async () =>
      (await page.locator('nav.nav').isHidden()) && (await page.locator('form.filters').isHidden()));
    await page.pdf({ path: join(artefacts, 't0300-reporter-list.pdf'), format: 'A4' });
    await desk.close();

    // The leader on a phone.
    const mobile = await browser.newContext(phone);
    const p2 = await mobile.newPage();
    await signIn(p2, 'leader');
    await p2.goto(base + '/projects');
    const width = await p2.evaluate(() => document.documentElement.scrollWidth);
    await check('the leader\'s list fits 390 px', () => width <= 390);
    const leaders = await p2.locator('td[data-label="包联领导"]').allTextContents();
    await check('it lists the projects it leads', () => leaders.length > 0 &&
      leaders.every((l) => l.replace(/\s|同志$/g, '') === leaderName));
    const cardRegions = new Set(await p2.locator('td[data-label="所属地区"]').allTextContents());
    await check('across several regions', () => cardRegions.size > 1);
    await p2.screenshot({ path: join(artefacts, 't0300-leader-390.png'), fullPage: false });
    await p2.locator('td.name a').first().click();
    await p2.waitForSelector('.chart svg', { timeout: 10000 }).catch(() => {});
    await check('a project page fits 390 px too', async () =>
      (await p2.evaluate(() => document.documentElement.scrollWidth)) <= 390);
    await check('with its chart', async () => (await p2.locator('.chart svg').count()) > 0);
    await p2.screenshot({ path: join(artefacts, 't0300-leader-project-390.png'), fullPage: true });
    await mobile.close();
  });
} finally {
  server.kill('SIGTERM');
  const code = await new Promise((resolve) => server.on('exit', (c) => resolve(c)));
  await check('the server stops cleanly', () => code === 0);
  rmSync(dir, { recursive: true, force: true });
}
