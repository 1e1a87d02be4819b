/* coffeechat's service worker, served at /sw.js (scope "/") by web/views/pwa.py,
 * which fills in VERSION (a hash of the static files and the app's version) and
 * PRECACHE (the offline page and what it needs).
 *
 * - /static/…: cache first, in a cache named for VERSION; a new version
 *   installs a fresh cache and drops the old one.
 * - pages (GET navigations): network first; a good answer is kept as this
 *   page's copy on the device (the server's no-store keeps HTTP caches out;
 *   a page it marks X-Coffeechat-Offline: keep may still be kept here, on
 *   this device, until sign-out); with no network the copy opens, marked with
 *   <meta name="coffeechat-offline-copy" content="when it was kept (ms)">, and a
 *   page never opened gets offline.html.
 * - never kept: anything but a GET page, the API, sign-in links, the login
 *   page, imports, exports, downloads, redirects, and any answer that says
 *   Cache-Control: no-store. Signing out empties the page copies.
 * - pages send {type: "keep", urls: [...]}: keep these pages and files now
 *   (the page that installed the worker, and interview mode after a save).
 */
"use strict";

var VERSION = "__COFFEECHAT_VERSION__";
var PRECACHE = ["__COFFEECHAT_PRECACHE__"];
var OFFLINE = PRECACHE[0];
var STATIC_CACHE = "coffeechat-static-" + VERSION;
var PAGES_CACHE = "coffeechat-pages";
var MAX_PAGES = 100;
var NEVER = /^\/(api|signin|login|logout|running|healthz|import|export)(\/|$)|^\/sw\.js$/;
var DOWNLOAD = /\.(ics|json|zip|vcf|md|csv|eml|txt)$/;

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(STATIC_CACHE)
      .then(function (cache) { return cache.addAll(PRECACHE); })
      .then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf("coffeechat-static-") === 0 && name !== STATIC_CACHE;
      }).map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); })
  );
});

function sameOrigin(url) { return url.origin === self.location.origin; }
function isStatic(url) { return sameOrigin(url) && url.pathname.indexOf("/static/") === 0; }
function pageMayBeKept(url) {
  return sameOrigin(url) && !isStatic(url) && !NEVER.test(url.pathname) &&
    !DOWNLOAD.test(url.pathname);
}
function answerMayBeKept(response) {
  if (!response || response.status !== 200 || response.type !== "basic" || response.redirected) {
    return false;
  }
  var control = response.headers.get("Cache-Control") || "";
  var disposition = response.headers.get("Content-Disposition") || "";
  var type = response.headers.get("Content-Type") || "";
  var keep = response.headers.get("X-Coffeechat-Offline") === "keep";
  return (keep || !/no-store/i.test(control)) && !/attachment/i.test(disposition) &&
    type.indexOf("text/html") === 0;
}

/* The copy of a page: the answer's body and headers, plus when it was kept. */
function keepPage(url, response) {
  return response.clone().text().then(function (body) {
    var headers = new Headers(response.headers);
    headers.set("X-Coffeechat-Kept-At", String(Date.now()));
    return caches.open(PAGES_CACHE).then(function (cache) {
      return cache.put(url, new Response(body, { status: 200, headers: headers }))
        .then(function () { return cache.keys(); })
        .then(function (keys) {
          // Oldest first: drop the pages opened longest ago beyond MAX_PAGES.
          return Promise.all(keys.slice(0, Math.max(0, keys.length - MAX_PAGES))
            .map(function (key) { return cache.delete(key); }));
        });
    });
  });
}

function pageKey(url) {
  var key = new URL(url.href);
  key.hash = "";
  return key.href;
}

function offlineCopy(cached) {
  return cached.text().then(function (body) {
    var kept = cached.headers.get("X-Coffeechat-Kept-At") || "";
    var meta = '<meta name="coffeechat-offline-copy" content="' + kept.replace(/\D/g, "") + '">';
    var headers = new Headers(cached.headers);
    headers.delete("Content-Length");
    return new Response(body.replace("<head>", "<head>" + meta), {
      status: 200, headers: headers
    });
  });
}

function page(event, url) {
  return fetch(event.request).then(function (response) {
    if (pageMayBeKept(url) && answerMayBeKept(response)) {
      event.waitUntil(keepPage(pageKey(url), response));
    }
    return response;
  }).catch(function () {
    return caches.open(PAGES_CACHE).then(function (cache) {
      return cache.match(pageKey(url));
    }).then(function (cached) {
      if (cached) return offlineCopy(cached);
      return caches.match(OFFLINE).then(function (offline) {
        return offline || Response.error();
      });
    });
  });
}

function staticFile(request) {
  return caches.open(STATIC_CACHE).then(function (cache) {
    return cache.match(request, { ignoreSearch: true }).then(function (hit) {
      if (hit) return hit;
      return fetch(request).then(function (response) {
        if (response.ok && response.type === "basic") cache.put(request, response.clone());
        return response;
      });
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (!sameOrigin(url)) return;
  if (request.mode === "navigate" && request.method === "POST" && url.pathname === "/logout/") {
    // Signed out: the next person at this browser does not get this one's pages.
    event.waitUntil(caches.delete(PAGES_CACHE));
    return;
  }
  if (request.method !== "GET") return;
  if (isStatic(url)) {
    event.respondWith(staticFile(request));
  } else if (request.mode === "navigate") {
    event.respondWith(page(event, url));
  }
  // Anything else (the API, htmx fragments, the autosave): straight to the network.
});

/* {type: "keep", urls: [...]} from a page: fetch and keep these pages and files. */
self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type !== "keep" || !Array.isArray(data.urls)) return;
  event.waitUntil(Promise.all(data.urls.map(function (href) {
    var url = new URL(href, self.location.href);
    if (isStatic(url)) {
      return caches.open(STATIC_CACHE).then(function (cache) {
        return cache.match(url.href, { ignoreSearch: true }).then(function (hit) {
          return hit || cache.add(url.href);
        });
      }).catch(function () {});
    }
    if (!pageMayBeKept(url)) return null;
    return fetch(url.href, { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (response) {
        if (answerMayBeKept(response)) return keepPage(pageKey(url), response);
      }).catch(function () {});
  })));
});
