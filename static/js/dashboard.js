// Charts of the quarterly evaluation dashboard. Data comes from the page's json_script block
// (#dashboard-data); no inline script, as the Content-Security-Policy forbids it.
(function () {
  "use strict";
  var source = document.getElementById("dashboard-data");
  if (!source || typeof Chart === "undefined") {
    return;
  }
  var data = JSON.parse(source.textContent);
  var number = new Intl.NumberFormat("vi-VN");
  var narrow = window.matchMedia("(max-width: 576px)").matches;

  Chart.defaults.font.size = narrow ? 11 : 12;
  Chart.defaults.maintainAspectRatio = false;

  function barChart(id, labels, datasets, horizontal) {
    var canvas = document.getElementById(id);
    if (!canvas) {
      return;
    }
    new Chart(canvas, {
      type: "bar",
      data: { labels: labels, datasets: datasets },
      options: {
        indexAxis: horizontal ? "y" : "x",
        responsive: true,
        plugins: {
          legend: { position: "bottom" },
          tooltip: {
            callbacks: {
              label: function (ctx) {
                return ctx.dataset.label + ": " + number.format(ctx.parsed[horizontal ? "x" : "y"]);
              },
            },
          },
        },
        scales: horizontal
          ? {
              x: { ticks: { callback: function (v) { return number.format(v); } } },
              y: { ticks: { autoSkip: false } },
            }
          : { y: { ticks: { callback: function (v) { return number.format(v); } } } },
      },
    });
  }

  // On a phone the bars run sideways so the khu phố and project names stay readable.
  barChart(
    "chart-neighborhoods",
    data.neighborhoods.labels,
    [
      { label: "Hộ nghèo", data: data.neighborhoods.poor, backgroundColor: "#8b1a1a" },
      { label: "Hộ cận nghèo", data: data.neighborhoods.near_poor, backgroundColor: "#e0a030" },
    ],
    narrow
  );
  barChart(
    "chart-components",
    data.components.labels,
    [
      { label: "Được giao", data: data.components.allocated, backgroundColor: "#6c8ebf" },
      { label: "Đã giải ngân", data: data.components.disbursed, backgroundColor: "#2e7d32" },
    ],
    narrow
  );
})();
