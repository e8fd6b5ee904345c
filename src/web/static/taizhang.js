// taizhang.js: the little the pages do in the browser. Every page works
// without it; with it, charts are drawn, filters apply as they change,
// and destructive buttons ask first. No inline scripts: the pages'
// Content-Security-Policy forbids them, so data comes in data-* attributes.
(function () {
  'use strict';

  // The dashboard's ranking: completion rate per region against the
  // schedule, the user's own regions in the accent colour.
  // {"type":"ranking","schedule":0.9167,"labels":[…],"rates":[…],"mine":[…]}
  function rankingOption(d) {
    var pct = function (v) { return v === null ? null : Math.round(v * 1000) / 10; };
    return {
      animation: false,
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v === null ? '—' : v + '%'; } },
      grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
      xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
      // A long name (营口经济技术开发区) wraps onto a second line rather
      // than losing its end (walkthrough 15, 390 px).
      yAxis: { type: 'category', inverse: true, data: d.labels,
               axisLabel: { width: 84, overflow: 'break', lineHeight: 14 } },
      series: [{
        name: '投资完成率', type: 'bar',
        data: d.rates.map(function (v, i) {
          return { value: pct(v), itemStyle: { color: d.mine[i] ? '#b3261e' : '#5b7fa6' } };
        }),
        markLine: { symbol: 'none', label: { formatter: '序时进度 {c}%', position: 'start' },
                    lineStyle: { type: 'dashed', color: '#616e7c' },
                    data: [{ xAxis: pct(d.schedule) }] }
      }]
    };
  }

  // A chart: <div class="chart" data-chart='{"periods":[…],"month":[…],"ytd":[…],"schedule":[…]}'>
  function drawCharts() {
    if (!window.echarts) return;
    document.querySelectorAll('.chart[data-chart]').forEach(function (el) {
      var d;
      try { d = JSON.parse(el.getAttribute('data-chart')); } catch (e) { return; }
      var chart = window.echarts.init(el, null, { renderer: 'svg' });
      if (d.type === 'ranking') {
        var tall = d.labels.some(function (l) { return l.length > 6; });
        el.style.height = Math.max(240, (tall ? 36 : 28) * d.labels.length + 48) + 'px';
        chart.resize();
        chart.setOption(rankingOption(d));
        window.addEventListener('resize', function () { chart.resize(); });
        window.addEventListener('beforeprint', function () { chart.resize(); });
        return;
      }
      chart.setOption({
        animation: false,
        tooltip: { trigger: 'axis' },
        legend: { data: ['本期完成', '本年累计完成', '序时进度'], bottom: 0 },
        grid: { left: 56, right: 16, top: 24, bottom: 56 },
        xAxis: { type: 'category', data: d.periods },
        yAxis: { type: 'value', name: '万元' },
        series: [
          { name: '本期完成', type: 'bar', data: d.month, itemStyle: { color: '#9fb3c8' } },
          { name: '本年累计完成', type: 'line', data: d.ytd, itemStyle: { color: '#b3261e' } },
          { name: '序时进度', type: 'line', data: d.schedule, connectNulls: false,
            lineStyle: { type: 'dashed' }, itemStyle: { color: '#616e7c' } }
        ]
      });
      window.addEventListener('resize', function () { chart.resize(); });
      window.addEventListener('beforeprint', function () { chart.resize(); });
    });
  }

  // Filters apply as soon as a choice changes (the button stays for typing).
  function autoSubmit() {
    document.querySelectorAll('form.filters select').forEach(function (s) {
      s.addEventListener('change', function () { s.form.submit(); });
    });
  }

  // <form data-confirm="…">: ask before sending.
  function confirmForms() {
    document.querySelectorAll('form[data-confirm]').forEach(function (f) {
      f.addEventListener('submit', function (e) {
        if (!window.confirm(f.getAttribute('data-confirm'))) e.preventDefault();
      });
    });
  }

  function start() {
    drawCharts();
    autoSubmit();
    confirmForms();
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
