/*
 * The campaign dashboard's charts (issue 14), drawn with Apache ECharts from the table that follows each chart:
 * <div data-chart="bar|bar-horizontal" data-table="ID">. Rows are categories (the row header's text), columns with
 * data-series in the header are series, cells give their number in data-value. The tables stay on the page for
 * screen readers and print; each bar shows its value as a label and a decal pattern, so no colour is needed.
 */
(function () {
  'use strict';

  function read(table) {
    var headers = Array.prototype.slice.call(table.querySelectorAll('thead th'));
    var seriesColumns = [];
    headers.forEach(function (th, i) {
      if (th.hasAttribute('data-series')) {
        seriesColumns.push({ index: i, name: th.textContent.trim() });
      }
    });
    var categories = [];
    var values = seriesColumns.map(function () { return []; });
    Array.prototype.forEach.call(table.querySelectorAll('tbody tr'), function (tr) {
      var cells = tr.children;
      categories.push(cells[0].textContent.trim());
      seriesColumns.forEach(function (column, s) {
        var cell = cells[column.index];
        values[s].push(cell ? Number(cell.getAttribute('data-value')) : 0);
      });
    });
    return { categories: categories, series: seriesColumns, values: values };
  }

  function draw(element) {
    var table = document.getElementById(element.getAttribute('data-table'));
    if (!table || typeof window.echarts === 'undefined') {
      return;
    }
    var data = read(table);
    var horizontal = element.getAttribute('data-chart') === 'bar-horizontal';
    var categoryAxis = { type: 'category', data: data.categories, inverse: horizontal,
      axisLabel: { interval: 0, hideOverlap: true } };
    var valueAxis = { type: 'value', minInterval: 1 };
    var chart = window.echarts.init(element, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      // Decal patterns tell series apart without colour; the description is for assistive technology.
      aria: { enabled: true, decal: { show: true } },
      legend: data.series.length > 1 ? { top: 0 } : undefined,
      grid: { left: 8, right: 48, top: data.series.length > 1 ? 32 : 8, bottom: 8, containLabel: true },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxis,
      series: data.series.map(function (column, s) {
        return {
          name: column.name,
          type: 'bar',
          data: data.values[s],
          label: { show: true, position: horizontal ? 'right' : 'top' }
        };
      })
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-chart]'), draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
