/*
 * Presenting at the meeting: the room's screens and the rep's presenter page.
 *
 * Each screen is its own page with next and previous links, so everything
 * works without this script. With it: the keys a presentation clicker sends
 * (arrows, Page Up/Down, space) move between screens (on a screen taller than
 * the window, the vertical ones scroll to its end first) and Esc leaves; a swipe
 * does the same on a touch screen; the two pages follow each other through the
 * server (each says which screen it opened, and polls for the other's moves:
 * no other host, no shared machine needed). On the presenter page, N or the
 * Notes button opens the notes, which are kept on this device as typed and
 * saved to the server a moment later, again until the server has them.
 */
(function () {
  "use strict";

  var body = document.body;
  var role = body.dataset.present;
  var screen = parseInt(body.dataset.screen, 10);
  var POLL_MS = 2000;
  var SAVE_DELAY_MS = 600;
  var RETRY_MS = 5000;
  var SWIPE_PX = 60;

  function csrf() {
    var input = document.querySelector("[data-csrf] input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function post(url, fields) {
    var data = new FormData();
    Object.keys(fields).forEach(function (name) { data.append(name, fields[name]); });
    return fetch(url, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrf(), Accept: "application/json" },
    });
  }

  function screenUrl(number) {
    return body.dataset.screenUrl.replace(/\/0\/$/, "/" + number + "/");
  }

  // Work to finish before the page is left (the notes' last save).
  var beforeLeaving = function () { return Promise.resolve(); };

  function go(link) {
    if (!link) {
      return;
    }
    beforeLeaving().then(function () { window.location.assign(link.href); });
  }

  function isTyping(target) {
    return target.closest("input, textarea, select, [contenteditable]") !== null;
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) {
      return;
    }
    var key = event.key;
    if (key === " " && event.target.closest("a, button, summary")) {
      return; // space presses a focused button, as usual
    }
    // Zoomed in, a screen can be taller than the window: the vertical keys
    // scroll it first, and move on only at its end. Left and right always move.
    var page = document.documentElement;
    var moreBelow = window.innerHeight + window.scrollY < page.scrollHeight - 2;
    var moreAbove = window.scrollY > 0;
    if (key === "ArrowRight" || (["ArrowDown", "PageDown", " "].indexOf(key) !== -1 && !moreBelow)) {
      event.preventDefault();
      go(document.querySelector("a[rel=next]"));
    } else if (key === "ArrowLeft" || (["ArrowUp", "PageUp"].indexOf(key) !== -1 && !moreAbove)) {
      event.preventDefault();
      go(document.querySelector("a[rel=prev]"));
    } else if (key === "Escape" && role === "room") {
      go(document.querySelector("a[data-exit]"));
    } else if ((key === "n" || key === "N") && role === "presenter") {
      event.preventDefault();
      openNotes(true);
    }
  });

  var touchX = null;
  if (role === "room") {
    document.addEventListener("touchstart", function (event) {
      touchX = event.changedTouches[0].clientX;
    }, { passive: true });
    document.addEventListener("touchend", function (event) {
      if (touchX === null) {
        return;
      }
      var dx = event.changedTouches[0].clientX - touchX;
      touchX = null;
      if (Math.abs(dx) >= SWIPE_PX) {
        go(document.querySelector(dx < 0 ? "a[rel=next]" : "a[rel=prev]"));
      }
    }, { passive: true });
  }

  // An agreed action half typed on the presenter page is never thrown away by
  // following the room: the page offers a link to follow instead.
  var actionForm = document.querySelector("form[data-action-form]");
  var actionTyped = Boolean(actionForm && actionForm.querySelector(".is-invalid"));
  if (actionForm) {
    actionForm.addEventListener("input", function () { actionTyped = true; });
    actionForm.addEventListener("submit", function (event) {
      // A double click sends the action once.
      if (actionForm.dataset.sent) {
        event.preventDefault();
      }
      actionForm.dataset.sent = "true";
    });
  }

  function follow(number) {
    var notice = document.getElementById("follow-notice");
    if (actionTyped && notice) {
      notice.hidden = false;
      notice.querySelector("a").href = screenUrl(number);
      return;
    }
    beforeLeaving().then(function () {
      // The page we go to follows: it must not say where the meeting is, or a
      // page that was a screen behind would pull the meeting back with it.
      window.sessionStorage.setItem("lto-following", String(number));
      window.location.replace(screenUrl(number));
    });
  }

  // Following: say where this page is (unless it came here by following),
  // then go wherever the other page goes.
  var stateUrl = body.dataset.stateUrl;
  var followed = window.sessionStorage.getItem("lto-following") === String(screen);
  window.sessionStorage.removeItem("lto-following");
  if (!followed) {
    post(stateUrl, { screen: String(screen) }).catch(function () {});
  }
  window.setInterval(function () {
    fetch(stateUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (state) {
        if (state && state.screen !== screen) {
          follow(state.screen);
        }
      })
      .catch(function () {});
  }, POLL_MS);

  // The notes panel and its autosave (presenter page only).
  var toggle = document.querySelector("[data-notes-toggle]");
  var panel = document.getElementById("notes-panel");

  function openNotes(open) {
    if (!toggle || !panel) {
      return;
    }
    panel.hidden = !open;
    toggle.setAttribute("aria-expanded", String(open));
    window.sessionStorage.setItem("lto-notes-open", open ? "1" : "0");
    var area = panel.querySelector("textarea");
    if (open && area) {
      area.focus();
    }
  }

  if (toggle && panel) {
    toggle.hidden = false;
    panel.hidden = window.sessionStorage.getItem("lto-notes-open") !== "1";
    toggle.setAttribute("aria-expanded", String(!panel.hidden));
    toggle.addEventListener("click", function () { openNotes(panel.hidden); });
  }

  var area = document.querySelector("textarea[data-note-key]");
  if (area) {
    var form = area.form;
    var status = document.getElementById("note-status");
    var key = area.dataset.noteKey;
    var timer = null;
    var saving = null;

    var say = function (text) { status.textContent = text; };

    var save = function () {
      window.clearTimeout(timer);
      var sent = area.value;
      saving = post(form.action, { text: sent }).then(function (response) {
        if (!response.ok) {
          throw new Error("not saved");
        }
        if (area.value === sent) {
          window.localStorage.removeItem(key);
          say("Saved.");
        }
      }).catch(function () {
        say("Not saved yet: kept on this device, trying again.");
        timer = window.setTimeout(save, RETRY_MS);
      });
      return saving;
    };

    area.addEventListener("input", function () {
      window.localStorage.setItem(key, area.value);
      say("Saving…");
      window.clearTimeout(timer);
      timer = window.setTimeout(save, SAVE_DELAY_MS);
    });

    beforeLeaving = function () {
      if (window.localStorage.getItem(key) === null) {
        return saving || Promise.resolve();
      }
      // Kept on this device whatever happens; wait for the server briefly.
      return Promise.race([
        save(),
        new Promise(function (resolve) { window.setTimeout(resolve, 1500); }),
      ]);
    };

    // Typed here before and never saved (a closed lid, a lost connection).
    var kept = window.localStorage.getItem(key);
    if (kept !== null && kept !== area.value) {
      area.value = kept;
      say("Restored what you typed on this device; saving…");
      save();
    } else if (kept !== null) {
      window.localStorage.removeItem(key);
    }
  }
})();
