// Dashboard charts (ECharts), refreshed from /console/dashboard/charts every 10 seconds.
(function () {
  'use strict';
  var hourlyEl = document.getElementById('chart-hourly');
  var carriersEl = document.getElementById('chart-carriers');
  if (!hourlyEl || !carriersEl || !window.echarts) { return; }
  var hourly = echarts.init(hourlyEl);
  var carriers = echarts.init(carriersEl);
  var colors = ['#1f6feb', '#12805c', '#b25e09', '#6941c6', '#c62828', '#0e9384', '#667085'];

  function render(data) {
    hourly.setOption({
      animation: false,
      color: colors,
      grid: { left: 36, right: 12, top: 16, bottom: 28 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: data.hours, axisLabel: { interval: 2 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: hourlyEl.getAttribute('data-series'), type: 'bar', data: data.shippedPerHour, barMaxWidth: 18 }]
    });
    var empty = data.carriers.length === 0;
    carriers.setOption({
      animation: false,
      color: colors,
      title: { text: empty ? carriersEl.getAttribute('data-empty') : '', left: 'center', top: 'middle',
        textStyle: { color: '#667085', fontSize: 13, fontWeight: 'normal' } },
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { bottom: 0 },
      series: [{ type: 'pie', radius: ['45%', '70%'], center: ['50%', '45%'], data: data.carriers,
        label: { formatter: '{b}\n{c}' } }]
    });
  }

  function load() {
    fetch(hourlyEl.getAttribute('data-charts'), { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data) { render(data); } });
  }

  load();
  setInterval(load, 10000);
  window.addEventListener('resize', function () { hourly.resize(); carriers.resize(); });
})();
