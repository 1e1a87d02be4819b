/* Every page: register the service worker (/sw.js, scope "/"), ask it to keep
 * the page that installed it, and say so when a page is the copy kept on this
 * device because the server could not be reached. No dependencies.
 *
 *   window.coffeechatOffline.copy     when this page's copy was kept (ms), or null
 *   window.coffeechatOffline.keep()   ask the worker to keep this page's copy now
 */
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="coffeechat-offline-copy"]');
  var copy = meta && meta.content ? Number(meta.content) : null;

  function keep(urls) {
    if (!("serviceWorker" in navigator)) return;
    navigator.serviceWorker.ready.then(function (registration) {
      var worker = navigator.serviceWorker.controller || registration.active;
      if (worker) worker.postMessage({ type: "keep", urls: urls });
    });
  }
  function keepThisPage() {
    // The worker fetches the page afresh; from a kept copy too, once back online.
    keep([location.pathname + location.search]);
  }
  window.coffeechatOffline = { copy: copy, keep: keepThisPage };

  // When the copy was kept, as the app writes times: "at 10:42", or "on Fri 4 Dec at 10:42".
  function kept(ms) {
    var when = new Date(ms);
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    var time = " at " + pad(when.getHours()) + ":" + pad(when.getMinutes());
    if (when.toDateString() === new Date().toDateString()) return time;
    var days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    var months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    return " on " + days[when.getDay()] + " " + when.getDate() + " " + months[when.getMonth()] + time;
  }
  if (meta) {
    var banner = document.createElement("p");
    banner.className = "offline-banner";
    banner.setAttribute("role", "status");
    banner.textContent = "Offline: this is the copy of this page kept on this device" +
      (copy ? kept(copy) : "") +
      ". Interview notes you type are kept here and sent when you are back online; " +
      "other changes need the connection.";
    var main = document.getElementById("main");
    if (main) main.insertBefore(banner, main.firstChild);
  }

  if (!("serviceWorker" in navigator)) return;
  var installing = !navigator.serviceWorker.controller;
  navigator.serviceWorker.register("/sw.js", { scope: "/" }).then(function () {
    if (!installing) return;
    // This page loaded before the worker ran, so neither it nor its files are
    // kept yet: hand them over.
    var files = Array.prototype.map.call(
      document.querySelectorAll('script[src], link[rel~="stylesheet"], link[rel~="icon"]'),
      function (el) { return el.src || el.href; }
    );
    keep(files.concat([location.pathname + location.search]));
  }).catch(function () { /* no worker (private window, old browser): pages work online */ });
})();
