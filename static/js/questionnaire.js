/*
 * The questionnaire, improved when JavaScript runs (it works without):
 *  - every change is kept on the phone (localStorage, per response) as it is
 *    made, and saved to the server shortly after (debounced); with no signal it
 *    says so, keeps working and sends when the connection is back; a submission
 *    made offline waits and is sent once, then the thank-you page opens;
 *  - what the phone kept is put back into the form when the page loads (after a
 *    reload with no signal, or when the session ended before the last save);
 *  - a service worker (reviews/views/offline.py) keeps the page and its files,
 *    so a reload with no signal still shows it;
 *  - on narrow screens one statement shows at a time, with "Statement 3 of 10"
 *    and Back/Next buttons, resuming at the first statement not yet answered;
 *    focus moves to the statement shown; moving on from a statement with
 *    nothing chosen says so, once for each, and never stops them;
 *  - error-summary and "Change" links open the step holding their field.
 * Also wires [data-print] and [data-copy] buttons, as the CSP forbids inline
 * handlers, and forgets the kept answers once the thank-you page shows.
 */
(function () {
  "use strict";

  // Django's JavaScript catalogue (jsi18n, loaded first) gives the words in the
  // page's language; without it the English stands.
  var gettext = window.gettext || function (text) { return text; };
  var interpolate = window.interpolate || function (text, values) {
    return text.replace(/%\(\w+\)s/g, function (slot) {
      return values[slot.slice(2, -2)];
    });
  };
  var KEPT_PREFIX = "lto-review-answers-";
  var OFFLINE = gettext("Saved on this phone; it will be sent when you are back online.");

  function storage() {
    try {
      return window.localStorage;
    } catch (error) {
      return null; // Storage switched off: the server's autosave still runs.
    }
  }

  function tellWorker(message) {
    if (navigator.serviceWorker && navigator.serviceWorker.controller) {
      navigator.serviceWorker.controller.postMessage(message);
    }
  }

  // charts.js wires the same buttons on pages with charts: once is enough.
  document.querySelectorAll("[data-print]:not([data-wired])").forEach(function (button) {
    button.dataset.wired = "print";
    button.addEventListener("click", function () { window.print(); });
  });
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    button.addEventListener("click", function () {
      var said = document.getElementById(button.getAttribute("aria-describedby"));
      navigator.clipboard.writeText(button.dataset.copy).then(function () {
        said.textContent = gettext("Copied. Paste it somewhere you will find it again.");
      }, function () {
        said.textContent = gettext("This phone would not copy it: press and hold the link instead.");
      });
    });
  });

  var submitted = document.querySelector("[data-submitted]");
  if (submitted && storage()) {
    storage().removeItem(KEPT_PREFIX + submitted.dataset.submitted);
    tellWorker({ forget: submitted.dataset.questionnaire });
  }

  var form = document.getElementById("questionnaire");
  if (!form) {
    return;
  }
  var status = document.getElementById("autosave-status");
  var keptKey = KEPT_PREFIX + form.dataset.response;
  // Never kept: the page brings its own fresh ones.
  var OWN_FIELDS = ["csrfmiddlewaretoken", "answers_for", "action"];

  if (navigator.serviceWorker && form.dataset.worker) {
    navigator.serviceWorker.register(form.dataset.worker).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      registration.active.postMessage({ keep: window.location.pathname });
    }).catch(function () {});
  }

  function answers() {
    var fields = [];
    new FormData(form).forEach(function (value, name) {
      if (OWN_FIELDS.indexOf(name) < 0) {
        fields.push([name, value]);
      }
    });
    return fields;
  }

  function readKept() {
    try {
      return JSON.parse(storage().getItem(keptKey));
    } catch (error) {
      return null;
    }
  }

  function keep(queued) {
    if (!storage()) {
      return;
    }
    var kept = { fields: answers(), queued: queued || false };
    try {
      storage().setItem(keptKey, JSON.stringify(kept));
    } catch (error) {
      // Full storage: the server's autosave still runs.
    }
  }

  // Put the phone's copy back into the form; true if anything changed.
  function restore(kept) {
    var changed = false;
    var values = {};
    kept.fields.forEach(function (field) {
      (values[field[0]] = values[field[0]] || []).push(field[1]);
    });
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || OWN_FIELDS.indexOf(el.name) >= 0) {
        return;
      }
      var given = values[el.name] || [];
      if (el.type === "radio" || el.type === "checkbox") {
        var checked = given.indexOf(el.value) >= 0;
        changed = changed || el.checked !== checked;
        el.checked = checked;
      } else if (el.tagName === "TEXTAREA") {
        var text = given.length ? given[0] : "";
        changed = changed || el.value !== text;
        el.value = text;
      }
    });
    return changed;
  }

  // Autosave: the whole form is posted as a draft shortly after each change,
  // URL-encoded (it has no files), which the server reads in a fraction of the
  // time a multipart body takes.
  var timer = null;
  function post(url, action, redirect) {
    var data = new URLSearchParams(new FormData(form));
    data.set("action", action);
    return fetch(url, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      redirect: redirect || "follow",
      headers: { "X-Requested-With": "fetch" }
    });
  }
  function save() {
    if (!navigator.onLine) {
      status.textContent = OFFLINE;
      return;
    }
    post(form.dataset.autosaveUrl, "save").then(function (response) {
      if (response.status === 403 || response.status === 404) {
        status.textContent = gettext("Saved on this phone. This page can no longer " +
          "send answers: open your link again and they will be put back.");
        return null;
      }
      return response.json();
    }).then(function (body) {
      if (body && body.saved) {
        status.textContent = interpolate(gettext("Your answers were saved at %(time)s."),
          { time: body.at }, true);
      }
    }).catch(function () {
      status.textContent = OFFLINE;
    });
  }
  function later(delay) {
    window.clearTimeout(timer);
    timer = window.setTimeout(save, delay);
  }
  form.addEventListener("change", function () {
    keep();
    later(800);
  });
  form.addEventListener("input", function (event) {
    if (event.target.tagName === "TEXTAREA") {
      keep();
      later(2000);
    }
  });

  // A submission with no signal waits on the phone and is sent once, when the
  // connection is back: the answers, then the check page's "Submit".
  var sending = false;
  function sendQueued() {
    var kept = readKept();
    if (sending || !kept || !kept.queued || !navigator.onLine) {
      return;
    }
    sending = true;
    keep(false);
    status.textContent = gettext("Sending your answers…");
    // Redirects are not followed: each step's redirect is its success, and the
    // thank-you page (which shows a meeting-code link only once) is for the person.
    // form.action would be its "action" buttons, hence the attribute.
    post(form.getAttribute("action"), "continue", "manual").then(function (response) {
      if (response.type !== "opaqueredirect") {
        throw new Error("The answers need another look.");
      }
      return post(form.dataset.submitUrl, "submit", "manual");
    }).then(function (response) {
      if (response.type !== "opaqueredirect") {
        throw new Error("Not submitted.");
      }
      storage().removeItem(keptKey);
      window.location.assign(form.dataset.thanksUrl);
    }).catch(function () {
      // Let the server say what is missing, as it would without scripts.
      sending = false;
      continueNormally();
    });
  }
  function continueNormally() {
    var action = document.createElement("input");
    action.type = "hidden";
    action.name = "action";
    action.value = "continue";
    form.appendChild(action);
    HTMLFormElement.prototype.submit.call(form);
  }
  form.addEventListener("submit", function (event) {
    var button = event.submitter;
    if (navigator.onLine || !button || button.value !== "continue") {
      return;
    }
    event.preventDefault();
    keep(true);
    status.textContent = gettext("Saved on this phone; your answers will be sent " +
      "when you are back online, and then you will see the thank-you page.");
  });
  window.addEventListener("offline", function () { status.textContent = OFFLINE; });
  window.addEventListener("online", function () {
    var kept = readKept();
    if (kept && kept.queued) {
      sendQueued();
    } else {
      save();
    }
  });

  var kept = storage() && readKept();
  if (kept) {
    var changed = restore(kept);
    if (kept.queued) {
      status.textContent = OFFLINE;
      sendQueued();
    } else if (changed) {
      status.textContent = gettext("We have put back the answers kept on this phone.");
      later(0);
    }
  }

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
      return interpolate(gettext("Statement %(number)s of %(count)s"),
        { number: index + 1, count: statements.length }, true);
    }
    return step.dataset.step === "intro" ? gettext("Before you start") :
      gettext("Comments and finish");
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
      note.textContent = interpolate(gettext("You have not chosen anything for " +
        "statement %(number)s. That's fine for now: use Back to answer it, or carry on."),
        { number: leaving + 1 }, true);
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

  // A statement is answered when each of its columns has a choice (column A
  // needs none for someone who was not involved at the start).
  function answered(step) {
    var skipThen = form.elements.not_involved_at_start.checked;
    var groups = step.querySelectorAll(".rating-group");
    return Array.prototype.every.call(groups, function (group) {
      return (skipThen && group.classList.contains("column-then")) ||
        group.querySelector("input[type=radio]:checked");
    });
  }

  // Someone coming back resumes at the first statement they have not answered.
  function resumeAt() {
    if (!form.querySelector("input[type=radio]:checked")) {
      return 0;
    }
    var open = statements.filter(function (step) { return !answered(step); })[0];
    return steps.indexOf(open || steps[steps.length - 1]);
  }

  var firstError = form.querySelector(".has-error");
  current = firstError ? steps.indexOf(firstError) : resumeAt();
  apply();
  form.dataset.stepper = "on";
  if (window.location.hash) {
    reveal(window.location.hash.slice(1));
  } else if (document.querySelector("[data-error-summary]")) {
    document.querySelector("[data-error-summary]").focus();
  }
})();
