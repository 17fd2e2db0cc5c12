{% load static %}/*
 * The questionnaire's service worker (reviews/views/offline.py). It keeps the
 * questionnaire page and the files it loads, so a reload with no signal still
 * shows the form; the answers themselves live in the page's localStorage
 * (questionnaire.js), and nothing is fetched from any other host.
 */
"use strict";

var CACHE = "{{ cache_name }}";
var ASSETS = [
  "{% static 'vendor/bootstrap-5.3.8/bootstrap.min.css' %}",
  "{% static 'vendor/bootstrap-5.3.8/bootstrap.rtl.min.css' %}",
  "{% static 'vendor/bootstrap-5.3.8/bootstrap.bundle.min.js' %}",
  "{% static 'css/site.css' %}",
  "{% static 'css/print.css' %}",
  "{% static 'css/questionnaire.css' %}",
  "{% static 'img/favicon.svg' %}",
  "{% static 'js/tables.js' %}",
  "{% static 'js/questionnaire.js' %}"
];
// The questionnaire itself, /respond/<pk>/: the only page kept.
var QUESTIONNAIRE = /^\/respond\/\d+\/$/;
// The script's words in the page's language: kept beside the page, network first,
// so a reload with no signal speaks the language the page was last fetched in.
var CATALOGUE = "{% url 'reviews:javascript-catalog' %}";

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {
      return cache.addAll(ASSETS);
    }).then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf("lto-questionnaire-") === 0 && name !== CACHE;
      }).map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); })
  );
});

function keep(request, response) {
  if (response.ok && !response.redirected) {
    var copy = response.clone();
    caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
  }
  return response;
}

// The page asks for itself to be kept (it was loaded before this worker ran),
// and to be forgotten once its answers are submitted.
self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (typeof data.keep === "string" && QUESTIONNAIRE.test(data.keep)) {
    fetch(data.keep, { credentials: "same-origin" }).then(function (response) {
      keep(new Request(data.keep), response);
    }).catch(function () {});
  } else if (typeof data.forget === "string" && QUESTIONNAIRE.test(data.forget)) {
    caches.open(CACHE).then(function (cache) { cache.delete(data.forget); });
  }
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) {
    return;
  }
  var page = request.mode === "navigate" && QUESTIONNAIRE.test(url.pathname);
  if (page || url.pathname === CATALOGUE) {
    // The network first (the server's copy is the truth), the kept page without it.
    event.respondWith(fetch(request).then(function (response) {
      return keep(new Request(url.pathname), response);
    }).catch(function () {
      return caches.match(url.pathname, { ignoreVary: true }).then(function (hit) {
        return hit || Response.error();
      });
    }));
  } else if (ASSETS.indexOf(url.pathname) >= 0) {
    event.respondWith(caches.match(request).then(function (hit) {
      return hit || fetch(request);
    }));
  }
});
