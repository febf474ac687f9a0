// The console's usage charts (ECharts from its webjar): the page carries each chart's data in data-usage, so no
// inline script is needed; the chart draws on a canvas (no inline styles either).
(function () {
  'use strict';
  document.querySelectorAll('[data-usage]').forEach(function (element) {
    var usage = JSON.parse(element.getAttribute('data-usage'));
    var chart = echarts.init(element, null, {renderer: 'canvas'});
    chart.setOption({
      animation: false,
      grid: {left: 8, right: 16, top: 16, bottom: 8, containLabel: true},
      tooltip: {trigger: 'axis', renderMode: 'richText'},
      xAxis: {type: 'category', data: usage.labels, axisLabel: {hideOverlap: true}},
      yAxis: {type: 'value', minInterval: 1},
      series: [{name: 'uses', type: 'bar', data: usage.counts, itemStyle: {color: '#2a55c9'}}]
    });
    window.addEventListener('resize', function () {
      chart.resize();
    });
  });
})();
