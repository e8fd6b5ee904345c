// t0320-web-dashboard.mjs: the coordinator sees the dashboard change and
// downloads the XLSX. In Debian's chromium: the coordinator signs in and
// lands on the dashboard (工作台) with its figures and its ranking chart
// drawn by ECharts; solves a problem through the problem page's form and
// finds, back on the dashboard, one more problem solved; a report imported
// for the period (the reporting form is another page's) moves 累计完成投资;
// then downloads the bulletin's XLSX from the bulletin page and finds a
// workbook. Screenshots are kept in build/browser/.
import { run, check, artefacts } from './lib.mjs';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
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

tz('demo', '--projects', '300');
const bulletin = JSON.parse(tz('bulletin', '--format', 'json'));
const period = bulletin.period;

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

const figure = (page, k) => page.locator(`.kpi[data-k="${k}"] b.v`).textContent();

try {
  await run(async (browser) => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN',
                                           acceptDownloads: true });
    const page = await ctx.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, 'coordinator');
    await check('the coordinator lands on the dashboard', async () =>
      new URL(page.url()).pathname === '/' && (await page.locator('h1').textContent()).startsWith('工作台'));
    await check('it shows the city\'s projects', async () =>
      (await figure(page, 'projects')) === String(bulletin.totals.projects));
    await check('and 未报送 as the bulletin counts it', async () =>
      (await figure(page, 'not_reported')) === String(bulletin.totals.not_reported));
    await page.waitForSelector('.chart svg', { timeout: 10000 }).catch(() => {});
    await check('the ranking chart is drawn by ECharts', async () =>
      (await page.locator('.chart svg').count()) > 0);
    await page.screenshot({ path: join(artefacts, 't0320-dashboard.png'), fullPage: true });

    // Solve a problem through its page's forms.
    const sentence = async () => page.locator('.card p.sentence[data-k="problems"]').textContent();
    const before = await sentence();
    const solvedBefore = Number(before.match(/已解决(\d+)个/)[1]);
    await page.goto(base + '/problems?status=办理中&level=市');
    const first = page.locator('table.problems td.code a').first();
    await check('there is a problem in hand at level 市 to solve', async () => (await first.count()) === 1);
    await Promise.all([page.waitForNavigation(), first.click()]);
    await page.selectOption('form[action$="/move"] select[name=to]', '已解决');
    await page.fill('form[action$="/move"] textarea[name=note]', '已协调解决（浏览器测试）');
    await Promise.all([page.waitForNavigation(), page.click('form[action$="/move"] button[type=submit]')]);
    await check('the problem is 已解决', async () =>
      (await page.locator('h1 .st').textContent()) === '已解决');
    await check('its history says who solved it', async () =>
      (await page.locator('table.history').textContent()).includes('市发改委调度员'));
    await page.goto(base + '/');
    await check('back on the dashboard, one more problem solved', async () =>
      Number((await sentence()).match(/已解决(\d+)个/)[1]) === solvedBefore + 1);

    // A report imported for the period moves 累计完成投资.
    const ytdBefore = await figure(page, 'ytd_completed');
    const code = JSON.parse(tz('bulletin', '--format', 'json')).lagging[0].code;
    writeFileSync(join(dir, 'one.csv'),
      '项目编号,调度期,本期完成投资(万元),开工状态,形象进度,存在问题\n' +
      `${code},${period},1234.56,已开工,主体施工,\n`);
    // The amount is only to move the figure: confirmed, as a project of
    // the demo may be small enough for the plausibility rules.
    tz('import', 'progress', '--confirm-large', join(dir, 'one.csv'));
    await page.reload();
    await check('after a report is saved, 累计完成投资 changed', async () =>
      (await figure(page, 'ytd_completed')) !== ytdBefore);
    await page.screenshot({ path: join(artefacts, 't0320-dashboard-changed.png'), fullPage: false });

    // The bulletin's XLSX.
    await page.click('nav.nav a[href="/bulletin"]');
    await page.waitForSelector('p.downloads');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('p.downloads a[href*="format=xlsx"]'),
    ]);
    const file = join(dir, 'bulletin.xlsx');
    await download.saveAs(file);
    const bytes = readFileSync(file);
    await check('the download has the bulletin\'s Chinese name', () =>
      download.suggestedFilename().endsWith('重点项目建设情况通报（按所属地区）.xlsx'));
    await check('the XLSX is a workbook', () =>
      bytes.subarray(0, 4).toString('binary') === 'PK\x03\x04' &&
      bytes.includes(Buffer.from('xl/workbook.xml')) && bytes.includes(Buffer.from('xl/worksheets/')));
    await page.screenshot({ path: join(artefacts, 't0320-bulletin.png'), fullPage: false });
    await check('no script errors', () => errors.length === 0);
    await ctx.close();
  });
} finally {
  server.kill('SIGTERM');
  const code = await new Promise((resolve) => server.on('exit', (c) => resolve(c)));
  await check('the server stops cleanly', () => code === 0);
  rmSync(dir, { recursive: true, force: true });
}
