// t0321-web-leader-phone.mjs: a leader reads the dashboard at 390 px. In
// Debian's chromium on a phone-sized screen: the leader's dashboard (its
// 包联 projects) is no wider than the screen, every rate is visible within
// it (投资完成率, 开工率, and 资金到位率 and 按期竣工率 saying 暂无数据), the
// chart is drawn; the lights and problems pages fit too; printed, the
// navigation and forms are gone. Screenshots and a PDF in build/browser/.
import { run, check, phone, artefacts } from './lib.mjs';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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

const width = (page) => page.evaluate(() => document.documentElement.scrollWidth);

try {
  await run(async (browser) => {
    const mobile = await browser.newContext(phone);
    const page = await mobile.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, 'leader');
    await check('the leader lands on its dashboard', async () =>
      (await page.locator('h1').textContent()).includes('包联'));
    await page.waitForSelector('.chart svg', { timeout: 10000 }).catch(() => {});
    await check('the dashboard is no wider than 390 px', async () => (await width(page)) <= 390);
    for (const [k, label] of [['completion_rate', '投资完成率'], ['start_rate', '开工率'],
                              ['funds_rate', '资金到位率'], ['on_time_completion_rate', '按期竣工率'],
                              ['not_reported', '未报送']]) {
      const el = page.locator(`.kpi[data-k="${k}"]`);
      await el.scrollIntoViewIfNeeded();
      const box = await el.boundingBox();
      const text = await el.textContent();
      await check(`${label} is visible within the screen`, async () =>
        (await el.isVisible()) && box && box.x >= 0 && box.x + box.width <= 390 && text.includes(label));
    }
    await check('a rate is a percentage', async () =>
      /%$/.test((await page.locator('.kpi[data-k="completion_rate"] b.v').textContent()).trim()));
    await check('资金到位率 says 暂无数据', async () =>
      (await page.locator('.kpi[data-k="funds_rate"] b.v').textContent()) === '暂无数据');
    await check('the ranking chart is drawn', async () => (await page.locator('.chart svg').count()) > 0);
    // Long names wrap, never cut (walkthrough 15: "营口经济技…").
    const rankText = (await page.locator('.chart svg').first().textContent()) || '';
    await check('the ranking names its regions whole', async () =>
      rankText.includes('营口') && !rankText.includes('…') && !rankText.includes('...'),
    rankText.slice(0, 200));
    await check('the opening paragraph is there', async () =>
      (await page.locator('.lead p').first().textContent()).includes('重点项目'));
    const dashLead = (await page.locator('.lead').innerText()).trim();
    await page.screenshot({ path: join(artefacts, 't0321-leader-dashboard-390.png'), fullPage: true });

    for (const path of ['/lights', '/problems', '/procedures', '/bulletin']) {
      await page.goto(base + path);
      await check(`${path} fits 390 px too`, async () => (await width(page)) <= 390);
    }
    // One scope: the dashboard reads as the leader's own 通报 (walkthrough
    // 8 saw 3/5/1 rank moves on one and 1/4/4 on the other).
    await check('the dashboard\'s paragraphs are those of the leader\'s 通报 page', async () =>
      dashLead.length > 0 && (await page.locator('.lead').innerText()).trim() === dashLead);
    await page.screenshot({ path: join(artefacts, 't0321-leader-bulletin-390.png'), fullPage: false });

    // Printed: figures yes, navigation and forms no.
    await page.goto(base + '/');
    await page.emulateMedia({ media: 'print' });
    await check('printed, the navigation and the period form are hidden', async () =>
      (await page.locator('nav.nav').isHidden()) && (await page.locator('form.filters').isHidden()));
    await check('printed, the figures stay', async () =>
      page.locator('.kpi[data-k="completion_rate"]').isVisible());
    await page.pdf({ path: join(artefacts, 't0321-leader-dashboard.pdf'), format: 'A4' });
    await check('no script errors', () => errors.length === 0);
    await mobile.close();
  });
} finally {
  server.kill('SIGTERM');
  const code = await new Promise((resolve) => server.on('exit', (c) => resolve(c)));
  await check('the server stops cleanly', () => code === 0);
  rmSync(dir, { recursive: true, force: true });
}
