/*
 * Draws every chart on a page. Each chart is an element with
 * data-figure="<id>", where <id> names a json_script element holding a plotly
 * figure ({data, layout, config}). Charts inside a closed <details> are drawn
 * when it opens: plotly measures its container, and a hidden one has no width.
 * Also wires any [data-print] button to the browser's print dialog, since the
 * Content-Security-Policy allows no inline handlers.
 */
(function () {
  "use strict";

  function draw(element) {
    if (element.dataset.drawn || typeof Plotly === "undefined") {
      return;
    }
    var source = document.getElementById(element.dataset.figure);
    if (!source) {
      return;
    }
    var figure = JSON.parse(source.textContent);
    element.dataset.drawn = "true";
    Plotly.newPlot(element, figure.data, figure.layout, figure.config);
  }

  function drawVisible(root) {
    root.querySelectorAll("[data-figure]").forEach(function (element) {
      var closed = element.closest("details:not([open])");
      if (!closed) {
        draw(element);
      }
    });
  }

  function resizeAll() {
    document.querySelectorAll("[data-figure][data-drawn]").forEach(function (el) {
      Plotly.Plots.resize(el);
    });
  }

  function start() {
    drawVisible(document);
    document.querySelectorAll("details").forEach(function (details) {
      details.addEventListener("toggle", function () {
        if (details.open) {
          drawVisible(details);
        }
      });
    });
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.addEventListener("click", function () {
        window.print();
      });
    });
    // Paper is narrower than most screens: fit the charts before printing.
    window.addEventListener("beforeprint", resizeAll);
    window.addEventListener("afterprint", resizeAll);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
