/*
 * Draws every chart on a page. Each chart is an element with
 * data-figure="<id>", where <id> names a json_script element holding a plotly
 * figure ({data, layout, config}) from reviews/charts.py; data-figure-narrow
 * names the figure to draw instead on a phone-width screen. The element's box
 * is reserved by charts.css; this script draws the figure to fit that box:
 *
 * - layout.meta.fit "radar": font, margins and legend follow the width, then
 *   the margins are corrected until every axis label lies inside the chart.
 * - layout.meta.fit "grid": small multiples re-flow into --per-row columns
 *   (set by charts.css), each caption above its radar, never on it.
 * - anything else keeps its height and takes the container's width.
 *
 * A chart costs nothing until it is seen: plotly.js (named by this script's
 * data-plotly) is fetched when the first chart comes near the viewport, and
 * each chart is drawn when it comes within NEAR of it; its table is in the page
 * from the start. A chart with data-figure-src has no figure in the page: it is
 * fetched from that URL then (the dot plot, thousands of points). Printing
 * draws any chart not yet drawn, at the width of its box on paper. A page
 * marked data-charts="print" (the meeting pack) also loads plotly.js on the
 * reader's first move, and its print button (and Ctrl+P) draws every chart
 * before printing; drawing them all on load cost the pack 2.9 s of blocking
 * time on a phone.
 * Charts are redrawn when their width changes. Charts inside a closed
 * <details> are drawn when it opens: a hidden container has no width.
 * Also wires any [data-print] button to the browser's print dialog, since the
 * Content-Security-Policy allows no inline handlers.
 */
(function () {
  "use strict";

  // The same breakpoint as the phone rule in charts.css.
  var NARROW = "(max-width: 575.98px)";
  // How close to the viewport a chart must come to be drawn: about half a
  // phone screen ahead, so a scrolling reader rarely sees an empty box.
  var NEAR = "400px 0px";
  var PLOTLY_URL = document.currentScript ? document.currentScript.dataset.plotly : null;
  // Label corrections per radar draw; two usually suffice.
  var FIT_PASSES = 4;
  // Small multiples, in pixels, as in reviews/charts.py and charts.css: the
  // legend, each caption, room for the numbered ticks above, below and beside.
  var GRID = { legend: 36, caption: 22, tick: 20, foot: 24, side: 16 };

  function fontSize(width) {
    return width < 420 ? 11 : width < 640 ? 12 : 13;
  }

  // Figures the page does not hold (data-figure-src): fetched when the chart
  // comes near the viewport, by URL.
  var fetchedFigures = {};

  function chosenFigure(element) {
    var source = element.dataset.figureSrc;
    if (source) {
      var fetched = fetchedFigures[source];
      return fetched ? { id: element.dataset.figure, figure: fetched } : null;
    }
    var id = element.dataset.figure;
    if (element.dataset.figureNarrow && window.matchMedia(NARROW).matches) {
      id = element.dataset.figureNarrow;
    }
    var source = document.getElementById(id);
    return source ? { id: id, figure: JSON.parse(source.textContent) } : null;
  }

  // On a phone the circle is too small for ten scale numbers: they would
  // pile up at its centre. Every third one is kept, counting down from the top.
  function narrowScale(polar, width) {
    var radial = polar.radialaxis || {};
    var ticks = radial.tickvals;
    if (width >= 420 || !Array.isArray(ticks) || ticks.length < 6) {
      return polar;
    }
    var top = ticks[ticks.length - 1];
    return Object.assign({}, polar, {
      radialaxis: Object.assign({}, radial, {
        tickvals: ticks.filter(function (tick) { return (top - tick) % 3 === 0; }),
      }),
    });
  }

  function radarLayout(layout, width, height) {
    var font = fontSize(width);
    var ticks = layout.polar.angularaxis.ticktext || [];
    var lines = ticks.map(function (t) { return String(t).split("<br>"); });
    var rows = Math.max.apply(null, lines.map(function (l) { return l.length; }).concat(1));
    var chars = Math.max.apply(null, [].concat.apply([], lines).map(function (l) {
      return l.length;
    }).concat(1));
    var labelHeight = Math.ceil(rows * font * 1.3) + 6;
    var titled = Boolean(layout.title && layout.title.text);
    // A first guess; fitLabels() measures and corrects it.
    var side = Math.round(Math.min(width * 0.3, chars * font * 0.55 + 10));
    var legendHeight = Math.ceil(font * 2.2);
    return Object.assign({}, layout, {
      polar: narrowScale(layout.polar, width),
      width: width,
      height: height,
      font: Object.assign({}, layout.font, { size: font }),
      margin: {
        l: side,
        r: side,
        t: labelHeight + (titled ? Math.ceil(font * 2.2) : 4),
        b: labelHeight + legendHeight + 8,
      },
      // Pinned to the chart's foot and top, clear of the axis labels; the
      // legend centred, so on a phone it never meets the screen's edge.
      legend: Object.assign({}, layout.legend, {
        yref: "container", y: 0, yanchor: "bottom", font: { size: font },
        xref: "container", x: 0.5, xanchor: "center",
      }),
      title: titled ? Object.assign({}, layout.title, {
        yref: "container", y: 1, yanchor: "top", pad: { t: 6 },
        font: { size: font + 2 },
      }) : layout.title,
    });
  }

  function gridLayout(layout, width, height, perRow) {
    var cells = layout.meta.cells;
    var rows = Math.max(1, Math.ceil(cells / perRow));
    var plotHeight = height - GRID.legend;
    var cellWidth = width / perRow;
    var cellHeight = plotHeight / rows;
    var sized = Object.assign({}, layout, {
      width: width,
      height: height,
      margin: { l: 0, r: 0, t: GRID.legend, b: 0 },
    });
    sized.annotations = (layout.annotations || []).map(function (caption, i) {
      var top = 1 - Math.floor(i / perRow) * cellHeight / plotHeight;
      var centre = ((i % perRow) + 0.5) * cellWidth / width;
      return Object.assign({}, caption, { x: centre, y: top });
    });
    for (var i = 0; i < cells; i += 1) {
      var name = i ? "polar" + (i + 1) : "polar";
      var left = (i % perRow) * cellWidth;
      var top = plotHeight - Math.floor(i / perRow) * cellHeight;
      sized[name] = Object.assign({}, layout[name], {
        domain: {
          x: [(left + GRID.side) / width, (left + cellWidth - GRID.side) / width],
          y: [
            (top - cellHeight + GRID.foot) / plotHeight,
            (top - GRID.caption - GRID.tick) / plotHeight,
          ],
        },
      });
    }
    return sized;
  }

  function sizedLayout(element, layout, width) {
    var fit = (layout.meta || {}).fit;
    var height = element.clientHeight;
    if (fit === "radar") {
      return radarLayout(layout, width, height || layout.height);
    }
    if (fit === "grid") {
      var perRow = parseInt(getComputedStyle(element).getPropertyValue("--per-row"), 10);
      return gridLayout(layout, width, height || layout.height, perRow || 3);
    }
    return Object.assign({}, layout, { width: width });
  }

  // How far the radar's axis labels reach past the chart's edges, its title
  // and its legend, per side (negative: room to spare).
  function labelOverflow(element) {
    var box = element.querySelector(".main-svg").getBoundingClientRect();
    var top = box.top;
    var bottom = box.bottom;
    var title = element.querySelector(".gtitle");
    var legend = element.querySelector(".legend");
    if (title) { top = Math.max(top, title.getBoundingClientRect().bottom + 2); }
    if (legend) { bottom = Math.min(bottom, legend.getBoundingClientRect().top - 2); }
    var reach = { l: -Infinity, r: -Infinity, t: -Infinity, b: -Infinity };
    element.querySelectorAll(".angularaxistick text").forEach(function (text) {
      var r = text.getBoundingClientRect();
      reach.l = Math.max(reach.l, box.left - r.left);
      reach.r = Math.max(reach.r, r.right - box.right);
      reach.t = Math.max(reach.t, top - r.top);
      reach.b = Math.max(reach.b, r.bottom - bottom);
    });
    return reach;
  }

  // Marks the chart settled (drawn and fitted) when its labels fit.
  function fitLabels(element, passes) {
    if (!passes || !element.querySelector(".angularaxistick text")) {
      element.dataset.settled = "true";
      return;
    }
    var reach = labelOverflow(element);
    var margin = Object.assign({}, element._fullLayout.margin);
    var changed = false;
    ["l", "r", "t", "b"].forEach(function (side) {
      // Keep 4 px clear; give back spare room so the circle stays large.
      var shift = Math.ceil(reach[side] + 4);
      if (shift > 0 || shift < -2) {
        margin[side] = Math.max(4, margin[side] + shift);
        changed = true;
      }
    });
    if (changed) {
      Plotly.relayout(element, { margin: margin }).then(function () {
        fitLabels(element, passes - 1);
      });
    } else {
      element.dataset.settled = "true";
    }
  }

  function draw(element) {
    if (typeof Plotly === "undefined") {
      return;
    }
    var chosen = chosenFigure(element);
    var width = element.clientWidth;
    if (!chosen || !width) {
      return;
    }
    var figure = chosen.figure;
    var layout = sizedLayout(element, figure.layout, width);
    element.dataset.drawn = chosen.id;
    element.dataset.width = String(width);
    delete element.dataset.settled;
    Plotly.react(element, figure.data, layout, figure.config).then(function () {
      if ((layout.meta || {}).fit === "radar") {
        fitLabels(element, FIT_PASSES);
      } else {
        element.dataset.settled = "true";
      }
    });
  }

  var pending = new Set();
  var observer = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(
    function (entries) {
      entries.forEach(function (entry) {
        var element = entry.target;
        if (element.dataset.drawn && String(element.clientWidth) !== element.dataset.width) {
          pending.add(element);
        }
      });
      window.requestAnimationFrame(function () {
        pending.forEach(draw);
        pending.clear();
      });
    }
  );

  function drawAndWatch(element) {
    if (element.dataset.drawn) {
      return;
    }
    draw(element);
    if (observer) {
      observer.observe(element);
    }
  }

  // Charts waiting for plotly.js, which is fetched once, on first need.
  var queued = new Set();
  var fetching = false;

  // Fetches the element's figure first when the page does not hold it (once
  // per URL, however often it is asked for).
  var fetches = {};

  function fetchFigure(source) {
    if (!fetches[source]) {
      fetches[source] = fetch(source, {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      }).then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.json();
      }).then(function (figure) {
        fetchedFigures[source] = figure;
      }, function (error) {
        delete fetches[source];  // the next time the chart comes into view
        throw error;
      });
    }
    return fetches[source];
  }

  function drawSoon(element) {
    var source = element.dataset.figureSrc;
    if (!source || fetchedFigures[source]) {
      drawWhenPlotly(element);
      return;
    }
    fetchFigure(source).then(function () {
      drawWhenPlotly(element);
    }, function () {
      // The table beside the chart holds the same numbers.
      element.dataset.failed = "true";
    });
  }

  function drawWhenPlotly(element) {
    if (typeof Plotly !== "undefined") {
      drawAndWatch(element);
      return;
    }
    queued.add(element);
    loadPlotly();
  }

  function loadPlotly() {
    if (fetching || !PLOTLY_URL || typeof Plotly !== "undefined") {
      return;
    }
    fetching = true;
    var script = document.createElement("script");
    script.src = PLOTLY_URL;
    script.addEventListener("load", function () {
      queued.forEach(drawAndWatch);
      queued.clear();
    });
    document.head.appendChild(script);
  }

  var near = typeof IntersectionObserver === "undefined" ? null :
    new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) {
          near.unobserve(entry.target);
          drawSoon(entry.target);
        }
      });
    }, { rootMargin: NEAR });

  function schedule(root, eager) {
    root.querySelectorAll("[data-figure]").forEach(function (element) {
      if (element.dataset.drawn || element.closest("details:not([open])")) {
        return;
      }
      if (near && !eager) {
        near.observe(element);
      } else {
        drawSoon(element);
      }
    });
  }

  function redrawAll() {
    document.querySelectorAll("[data-figure][data-drawn]").forEach(draw);
  }

  function drawAll() {
    schedule(document, true);
    redrawAll();
  }

  // Every chart that can be drawn is drawn and fitted (a chart in a closed
  // <details>, or whose figure could not be fetched, has its table instead).
  function allSettled() {
    return Array.prototype.every.call(document.querySelectorAll("[data-figure]"),
      function (el) {
        return el.dataset.settled || el.dataset.failed ||
          el.closest("details:not([open])");
      });
  }

  // The print button and Ctrl+P draw every chart first, then print: a chart
  // cannot be drawn while the browser prints if plotly.js is not yet loaded.
  function printWhenDrawn() {
    schedule(document, true);
    var waited = 0;
    (function wait() {
      if (allSettled() || waited > 10000) {
        window.print();
      } else {
        waited += 100;
        window.setTimeout(wait, 100);
      }
    })();
  }

  // A page made to be printed (the meeting pack) draws its charts as they come
  // near the screen like any other; it loads plotly.js on the reader's first
  // move, so that printing from the browser's menu can still draw the rest.
  function readyForPrinting() {
    ["pointerdown", "keydown", "scroll", "touchstart"].forEach(function (type) {
      window.addEventListener(type, loadPlotly, { once: true, passive: true });
    });
    document.addEventListener("keydown", function (event) {
      if ((event.ctrlKey || event.metaKey) && event.key === "p" && !allSettled()) {
        event.preventDefault();
        printWhenDrawn();
      }
    });
  }

  function start() {
    schedule(document, false);
    var forPrint = Boolean(document.querySelector('[data-charts="print"]'));
    if (forPrint) {
      readyForPrinting();
    }
    document.querySelectorAll("details").forEach(function (details) {
      details.addEventListener("toggle", function () {
        if (details.open) {
          schedule(details, false);
        }
      });
    });
    document.querySelectorAll("[data-print]:not([data-wired])").forEach(function (button) {
      button.dataset.wired = "print";
      button.addEventListener("click", forPrint ? printWhenDrawn : function () {
        window.print();
      });
    });
    // Crossing the phone breakpoint swaps figures even if a width is unchanged.
    window.matchMedia(NARROW).addEventListener("change", redrawAll);
    // Paper is narrower than most screens: fit the charts before printing,
    // and draw those the reader never scrolled to.
    window.addEventListener("beforeprint", drawAll);
    window.addEventListener("afterprint", redrawAll);
    // Once the page is laid out for paper, each chart is drawn again at the
    // width of its box there, so none reaches over the table beside it.
    window.matchMedia("print").addEventListener("change", function (event) {
      if (event.matches) {
        drawAll();
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
