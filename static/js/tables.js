/*
 * Marks each table scroll region (.table-scroll) that is wider than the screen
 * with data-overflowing, so CSS shows its "scroll sideways" hint and edge
 * shadows only when there is something off-screen. Checked again on resize
 * and when a <details> opens.
 */
(function () {
  "use strict";

  function mark() {
    document.querySelectorAll(".table-scroll").forEach(function (region) {
      if (region.scrollWidth > region.clientWidth + 1) {
        region.dataset.overflowing = "true";
      } else {
        delete region.dataset.overflowing;
      }
    });
  }

  var pending = null;
  // A table inside a closed <details> has no width until it opens.
  document.addEventListener("toggle", mark, true);
  window.addEventListener("resize", function () {
    window.cancelAnimationFrame(pending);
    pending = window.requestAnimationFrame(mark);
  });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mark);
  } else {
    mark();
  }
})();
