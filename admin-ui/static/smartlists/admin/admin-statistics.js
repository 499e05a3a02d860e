// Smart Lists admin, Statistics screen: draws the chart from the canvas's data-series (JSON of
// days, impressions, clicks, revenue) with Chart.js served from its WebJar. The figures are all in
// the page's tables too; without this script nothing is lost but the picture.
(function () {
  'use strict';
  var canvas = document.getElementById('sl-stats-chart');
  if (!canvas || typeof Chart === 'undefined') { return; }
  var s = JSON.parse(canvas.getAttribute('data-series'));
  new Chart(canvas, {
    data: {
      labels: s.days,
      datasets: [
        { type: 'bar', label: canvas.getAttribute('data-label-impressions'), data: s.impressions,
          yAxisID: 'count', backgroundColor: 'rgba(31, 95, 191, 0.25)' },
        { type: 'line', label: canvas.getAttribute('data-label-clicks'), data: s.clicks,
          yAxisID: 'count', borderColor: '#1f5fbf', backgroundColor: '#1f5fbf' },
        { type: 'line', label: canvas.getAttribute('data-label-revenue'), data: s.revenue,
          yAxisID: 'money', borderColor: '#1d7a46', backgroundColor: '#1d7a46' }
      ]
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        count: { type: 'linear', position: 'left', beginAtZero: true },
        money: { type: 'linear', position: 'right', beginAtZero: true, grid: { drawOnChartArea: false } }
      }
    }
  });
}());
