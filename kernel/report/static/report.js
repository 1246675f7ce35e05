// losslab report: draws every chart of the page live with vega-embed (loaded beside this file, no network).
// A chart that cannot be drawn keeps its static PNG and says why in the console.
(function () {
  "use strict";
  function draw(figure) {
    var spec;
    try {
      spec = JSON.parse(figure.querySelector("script.chart-spec").textContent);
    } catch (e) {
      figure.setAttribute("data-state", "failed");
      console.error("losslab report: unreadable chart spec", e);
      return Promise.resolve();
    }
    var view = figure.querySelector(".chart-view");
    return window
      .vegaEmbed(view, spec, { actions: false, renderer: "svg" })
      .then(function () {
        figure.setAttribute("data-state", "live");
      })
      .catch(function (e) {
        figure.setAttribute("data-state", "failed");
        console.error("losslab report: chart failed", e);
      });
  }
  function start() {
    var figures = Array.prototype.slice.call(document.querySelectorAll("figure.chart"));
    if (figures.length === 0) return;
    if (typeof window.vegaEmbed !== "function") {
      figures.forEach(function (f) {
        f.setAttribute("data-state", "failed");
      });
      console.error("losslab report: assets/vega-embed.min.js did not load; showing the static images");
      return;
    }
    Promise.all(figures.map(draw)).then(function () {
      document.documentElement.setAttribute("data-charts", "done");
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
