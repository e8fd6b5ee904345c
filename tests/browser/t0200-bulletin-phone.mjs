// t0200-bulletin-phone.mjs: the HTML bulletin on a 390 px phone hides
// nothing off-screen (the page is no wider than the screen, every
// completion rate is inside it and shown, the lagging and 未报送 lists
// read as cards), and on a 1280 px desktop shows the whole group table.
// The bulletin comes from the built taizhang and a demo city.
import { run, check, phone, artefacts, top } from './lib.mjs';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const bin = process.env.TZ_BIN || join(top, 'build', 'taizhang');
const dir = mkdtempSync(join(tmpdir(), 'tz-t0200-'));
const db = join(dir, 'demo.db');
const tz = (...args) => execFileSync(bin, ['--db', db, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });

// Everything a reader must see on the phone: the rates (group table,
// lagging list, chart) and the cards of both lists.
function layout() {
  const vw = document.documentElement.clientWidth;
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.display === 'none' || cs.visibility === 'hidden' || cs.visibility === 'collapse' ||
          Number(cs.opacity) === 0)
        return false;
    }
    return r.width > 0 && r.height > 0;
  };
  const inside = (el) => {
    const r = el.getBoundingClientRect();
    return r.left >= -0.5 && r.right <= vw + 0.5;
  };
  const report = (sel) => [...document.querySelectorAll(sel)].map((el) => ({
    text: el.textContent.trim(), shown: shown(el), inside: inside(el),
    right: Math.round(el.getBoundingClientRect().right),
  }));
  // The rates of the group table are its 投资完成率 cells; compare them
  // with the header's column so that a renamed class cannot hide one.
  const table = document.querySelector('table.groups');
  const col = [...table.querySelectorAll('thead th')].findIndex((th) => th.textContent === '投资完成率');
  const rateCells = [...table.querySelectorAll('tbody tr, tfoot tr')]
    .map((tr) => tr.children[col]).filter((td) => td.textContent.trim() !== '');
  return {
    vw,
    scrollWidth: document.scrollingElement.scrollWidth,
    bodyWidth: document.body.scrollWidth,
    groupRows: table.querySelectorAll('tbody tr').length,
    rates: rateCells.map((el) => ({ text: el.textContent.trim(), shown: shown(el), inside: inside(el),
                                    right: Math.round(el.getBoundingClientRect().right) })),
    lagRates: report('table.lagging td.rate'),
    chartValues: report('svg text.val'),
    lagCards: report('table.lagging tbody tr'),
    missingCards: report('table.missing tbody tr'),
    summary: report('section.summary p'),
    // A card's cell: the label (td::before) on the left, the value on the
    // right. A label that cannot wrap and is wider than the room left of
    // the value runs into it.
    overlapping: [...document.querySelectorAll('.list td')].filter((td) => {
      const before = getComputedStyle(td, '::before');
      if (!shown(td) || before.content === 'none' || !td.textContent.trim()) return false;
      const ctx = document.createElement('canvas').getContext('2d');
      ctx.font = before.font;
      const label = td.getAttribute('data-label');
      const range = document.createRange();
      range.selectNodeContents(td);
      const valueLeft = Math.min(...[...range.getClientRects()].map((r) => r.left));
      const room = valueLeft - td.getBoundingClientRect().left - parseFloat(getComputedStyle(td).columnGap || 0);
      const oneLine = /nowrap|pre/.test(before.whiteSpace);
      return oneLine && ctx.measureText(label).width > room + 1;
    }).slice(0, 3).map((td) => td.getAttribute('data-label') + ': ' + td.textContent),
  };
}

try {
  tz('demo', '--projects', '300');
  const html = join(dir, 'bulletin.html');
  tz('bulletin', '--format', 'html', '--out', html);
  // The group table has 13 columns, and a 14th, 未安排计划项目完成投资, when
  // some group has completions without a plan (t1250).
  const bj = JSON.parse(tz('bulletin', '--format', 'json').toString());
  const columns = 13 + ([...bj.groups, bj.totals].some((g) => Number(g.ytd_completed_unplanned) > 0) ? 1 : 0);
  const url = pathToFileURL(html).href;

  await run(async (browser) => {
    const page = await browser.newPage(phone);
    await page.goto(url);
    const m = await page.evaluate(layout);
    const all = (xs) => xs.length > 0 && xs.every((x) => x.shown && x.inside);
    const bad = (xs) => JSON.stringify(xs.filter((x) => !(x.shown && x.inside)).slice(0, 3));

    await check('the phone is 390 px wide', m.vw === 390);
    await check(`the page is no wider than the screen (${m.scrollWidth} px; ${m.overflowing})`,
      m.scrollWidth <= 390 && m.bodyWidth <= 390);
    await check(`every group's completion rate is on screen (${m.rates.length}) ${bad(m.rates)}`,
      all(m.rates) && m.rates.length === m.groupRows + 1 && m.rates.every((x) => /%$/.test(x.text)));
    await check(`every lagging project's ratio is on screen (${m.lagRates.length}) ${bad(m.lagRates)}`,
      all(m.lagRates));
    await check(`the chart's values are on screen (${m.chartValues.length}) ${bad(m.chartValues)}`,
      all(m.chartValues) && m.chartValues.length === m.groupRows);
    await check('the lagging projects read as cards within the screen', all(m.lagCards));
    await check('the 未报送 projects read as cards within the screen', all(m.missingCards));
    await check('the opening paragraphs are shown', all(m.summary) && m.summary.length === 3);
    await check(`no card's label runs into its value ${JSON.stringify(m.overlapping)}`,
      m.overlapping.length === 0);
    const shot = join(artefacts, 't0200-bulletin-phone.png');
    // The top of the page (the whole of it at device scale 3 is too big).
    await page.screenshot({ path: shot, fullPage: true, clip: { x: 0, y: 0, width: 390, height: 2400 } });
    await check('a phone screenshot is kept', () => existsSync(shot));
    await page.close();

    // A desktop: the group table is a table, every column shown in full.
    const desk = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await desk.goto(url);
    const d = await desk.evaluate(() => {
      const table = document.querySelector('table.groups');
      const box = table.parentElement;
      const vw = document.documentElement.clientWidth;
      const ths = [...table.querySelectorAll('thead th')];
      return {
        display: getComputedStyle(table).display,
        headers: ths.length,
        headersShown: ths.every((th) => {
          const r = th.getBoundingClientRect();
          return r.width > 0 && r.left >= 0 && r.right <= vw;
        }),
        fits: table.scrollWidth <= box.clientWidth,
        pageFits: document.scrollingElement.scrollWidth <= vw,
        rateCells: [...table.querySelectorAll('tbody td.rate')].length,
        rows: table.querySelectorAll('tbody tr').length,
      };
    });
    await check('on a desktop the group table is a table', d.display === 'table');
    await check(`on a desktop all ${columns} columns are shown (${d.headers})`,
                d.headers === columns && d.headersShown);
    await check('on a desktop the table needs no sideways scrolling', d.fits && d.pageFits);
    await check('on a desktop every group has its rate cell', d.rateCells === d.rows);
    await desk.screenshot({ path: join(artefacts, 't0200-bulletin-desktop.png'), fullPage: true,
                            clip: { x: 0, y: 0, width: 1280, height: 1800 } });
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
