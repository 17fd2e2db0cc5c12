/*
 * The questionnaire, improved when JavaScript runs (it works without):
 *  - answers are saved to the server as they are given (debounced), so a lost
 *    signal or a closed tab loses nothing;
 *  - on narrow screens one statement shows at a time, with "Statement 3 of 10"
 *    and Back/Next buttons; focus moves to the statement shown; moving on from
 *    a statement with nothing chosen says so, once for each, and never stops them;
 *  - error-summary and "Change" links open the step holding their field.
 * Also wires [data-print] buttons, as the CSP forbids inline handlers.
 */
(function () {
  "use strict";

  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });

  var form = document.getElementById("questionnaire");
  if (!form) {
    return;
  }

  // Autosave: the whole form is posted as a draft shortly after each change,
  // URL-encoded (it has no files), which the server reads in a fraction of the
  // time a multipart body takes.
  var status = document.getElementById("autosave-status");
  var timer = null;
  function save() {
    var data = new URLSearchParams(new FormData(form));
    data.set("action", "save");
    fetch(form.dataset.autosaveUrl, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" }
    }).then(function (response) {
      return response.json();
    }).then(function (body) {
      if (body.saved) {
        status.textContent = "Your answers were saved at " + body.at + ".";
      }
    }).catch(function () {
      status.textContent = "We could not save just now. Your answers are still on this page.";
    });
  }
  function later(delay) {
    window.clearTimeout(timer);
    timer = window.setTimeout(save, delay);
  }
  form.addEventListener("change", function () { later(800); });
  form.addEventListener("input", function (event) {
    if (event.target.tagName === "TEXTAREA") { later(2000); }
  });

  // Stepper for narrow screens.
  var steps = Array.prototype.slice.call(form.querySelectorAll("[data-step]"));
  var statements = steps.filter(function (s) { return s.dataset.step === "statement"; });
  var narrow = window.matchMedia("(max-width: 575.98px)");
  var current = 0;

  // The buttons are in the page, and questionnaire.css already shows a phone
  // only the first step, so nothing moves when the stepper starts.
  var nav = form.querySelector("[data-step-nav]");
  var progress = nav.querySelector(".step-progress");
  var back = nav.querySelector("[data-back]");
  var next = nav.querySelector("[data-next]");
  // Said once per statement, after a move the person made (so it shifts nothing
  // unasked), and never a barrier: the final check lists what is still missing.
  var note = document.createElement("p");
  note.className = "step-note";
  note.setAttribute("role", "status");
  note.hidden = true;
  progress.after(note);
  var warned = {};

  function label(step) {
    var index = statements.indexOf(step);
    if (index >= 0) {
      return "Statement " + (index + 1) + " of " + statements.length;
    }
    return step.dataset.step === "intro" ? "Before you start" : "Comments and finish";
  }

  function show(index, focus) {
    note.hidden = true;
    note.textContent = "";
    current = Math.max(0, Math.min(index, steps.length - 1));
    steps.forEach(function (step, i) { step.hidden = i !== current; });
    progress.textContent = label(steps[current]);
    back.hidden = current === 0;
    next.hidden = current === steps.length - 1;
    if (focus) {
      steps[current].setAttribute("tabindex", "-1");
      steps[current].focus();
    }
  }

  function apply() {
    if (narrow.matches) {
      nav.hidden = false;
      show(current, false);
    } else {
      nav.hidden = true;
      steps.forEach(function (step) { step.hidden = false; });
    }
  }

  // Open the step holding an element (an error link or "Change" target).
  function reveal(id) {
    var target = id && document.getElementById(id);
    if (!target || !form.contains(target)) {
      return false;
    }
    var step = target.closest("[data-step]");
    if (narrow.matches && step) {
      show(steps.indexOf(step), false);
    }
    target.focus();
    target.scrollIntoView({ block: "center" });
    return true;
  }

  function stepOn() {
    var leaving = statements.indexOf(steps[current]);
    var empty = leaving >= 0 && !warned[leaving] &&
      !steps[current].querySelector("input[type=radio]:checked");
    show(current + 1, true);
    if (empty) {
      warned[leaving] = true;
      note.textContent = "You have not chosen anything for statement " + (leaving + 1) +
        ". That's fine for now: use Back to answer it, or carry on.";
      note.hidden = false;
    }
  }

  back.addEventListener("click", function () { show(current - 1, true); });
  next.addEventListener("click", stepOn);
  narrow.addEventListener("change", apply);
  // Enter in a radio button would submit the whole form mid-way: step on instead.
  form.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && narrow.matches && event.target.type === "radio") {
      event.preventDefault();
      stepOn();
    }
  });
  document.querySelectorAll("[data-error-summary] a").forEach(function (link) {
    link.addEventListener("click", function (event) {
      if (reveal(link.getAttribute("href").slice(1))) {
        event.preventDefault();
      }
    });
  });

  var firstError = form.querySelector(".has-error");
  if (firstError) {
    current = steps.indexOf(firstError);
  }
  apply();
  form.dataset.stepper = "on";
  if (window.location.hash) {
    reveal(window.location.hash.slice(1));
  } else if (document.querySelector("[data-error-summary]")) {
    document.querySelector("[data-error-summary]").focus();
  }
})();
