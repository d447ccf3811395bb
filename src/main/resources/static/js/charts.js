// Charts of the statistics pages (ECharts, served from the application). Each <figure data-chart="id"> reads its data
// from <script type="application/json" id="id"> (never executed) and draws it on a canvas; the table beside it holds the
// same figures for readers without JavaScript or a screen reader.
(function () {
  function draw(figure) {
    var source = document.getElementById(figure.getAttribute('data-chart'));
    var box = figure.querySelector('.chart');
    if (!source || !box || !window.echarts) { return; }
    var d = JSON.parse(source.textContent);
    var chart = window.echarts.init(box, null, { renderer: 'canvas' });
    var option = {
      aria: { enabled: true },
      animation: false,
      color: ['#0b6e4f', '#7fb069', '#c0392b', '#2e86c1', '#f39c12', '#8e44ad'],
      tooltip: { trigger: d.type === 'pie' ? 'item' : 'axis' },
      legend: d.type === 'pie' || d.series.length < 2 ? { show: false } : { top: 0, type: 'scroll' },
      grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true }
    };
    if (d.type === 'pie') {
      option.series = [{ type: 'pie', radius: ['35%', '65%'], top: 30, data: d.labels.map(function (l, i) { return { name: l, value: d.series[0].values[i] }; }) }];
    } else {
      option.xAxis = d.horizontal ? { type: 'value' } : { type: 'category', data: d.labels, axisLabel: { interval: 0, rotate: d.labels.length > 6 ? 35 : 0, width: 120, overflow: 'truncate' } };
      option.yAxis = d.horizontal ? { type: 'category', data: d.labels, axisLabel: { width: 140, overflow: 'truncate' } } : { type: 'value' };
      option.series = d.series.map(function (s) { return { name: s.name, type: d.line ? 'line' : 'bar', stack: d.stacked ? 'all' : undefined, data: s.values }; });
    }
    chart.setOption(option);
    window.addEventListener('resize', function () { chart.resize(); });
    figure.setAttribute('data-drawn', 'true');
  }
  function all() { document.querySelectorAll('figure[data-chart]').forEach(draw); }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', all); } else { all(); }
})();
