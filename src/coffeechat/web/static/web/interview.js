/* Interview mode: the running timer, note autosave that survives reloads and
 * dropped connections, and in-place check-off and highlight. Every control is
 * a plain form first; this script only makes them quicker. No dependencies. */
(function () {
  "use strict";
  var root = document.getElementById("interview");
  if (!root) return;
  var conversation = root.dataset.conversation;
  var csrf = (root.querySelector("input[name=csrfmiddlewaretoken]") || {}).value || "";
  var timer = JSON.parse(root.dataset.timer);
  // Opened from the copy the service worker kept (sw.js), the server unreachable:
  // when that copy was kept, by this device's clock.
  var copy = document.querySelector('meta[name="coffeechat-offline-copy"]');
  var keptAt = copy && copy.content ? Number(copy.content) : null;
  // The server's clock decides; remember how far this device's clock is off
  // (for a kept copy, against the moment the server wrote it, not now).
  var skew = Date.parse(root.dataset.serverNow) - (keptAt || Date.now());
  var OFFLINE = "Offline — kept on this device, will send when online";
  var started = timer.started ? Date.parse(timer.started) : null;

  function $(id) { return document.getElementById(id); }
  function clock(seconds) {
    seconds = Math.max(0, Math.floor(seconds));
    var s = seconds % 60;
    return Math.floor(seconds / 60) + ":" + (s < 10 ? "0" : "") + s;
  }
  // After a change reached the server, have the service worker keep a fresh copy
  // of this page, so that opened offline it shows the clock and notes as they are.
  var keepTimer = null;
  function keepCopy(ms) {
    if (!window.coffeechatOffline) return;
    clearTimeout(keepTimer);
    keepTimer = setTimeout(window.coffeechatOffline.keep, ms === undefined ? 1500 : ms);
  }
  function post(url, data) {
    var body = new FormData();
    body.append("csrfmiddlewaretoken", csrf);
    Object.keys(data).forEach(function (k) { body.append(k, data[k]); });
    return fetch(url, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "Accept": "application/json", "X-CSRFToken": csrf }
    });
  }

  /* -- the timer: looks the elapsed time up in the phases the server computed -- */
  function phaseAt(seconds) {
    if (seconds >= timer.length * 60) return null;
    for (var i = 0; i < timer.spans.length; i++) {
      var span = timer.spans[i];
      if (span.start * 60 <= seconds && seconds < span.end * 60) return span;
    }
    return timer.spans[1];
  }
  var ended = timer.ended ? Date.parse(timer.ended) : null;
  function tick() {
    if (started === null || ended !== null) return;  // not started, or the server's stopped clock
    var elapsed = (Date.now() + skew - started) / 1000;
    var total = timer.length * 60;
    var span = phaseAt(elapsed);
    $("iv-elapsed").textContent = clock(elapsed);
    $("iv-remaining").textContent = clock(total - elapsed);
    $("iv-phase").textContent = span ? span.label : timer.overtime.label;
    $("iv-hint").textContent = span ? span.hint : "";
    $("iv-phase").className = "iv-phase phase-" + (span ? span.phase : "overtime");
    var marker = $("iv-marker");
    if (marker && total) marker.style.left = Math.min(100, (elapsed / total) * 100) + "%";
    var over = $("iv-overtime");
    if (!span) {
      var minutes = Math.floor((elapsed - total) / 60);
      var text = (minutes > 0 ? minutes + " min over the agreed " + timer.length + " minutes. " : "") +
        timer.overtime.hint;
      if (over.textContent !== text) over.textContent = text;
      over.hidden = false;
    } else {
      over.hidden = true;
    }
  }
  var startForm = $("iv-start");
  if (startForm) {
    startForm.addEventListener("submit", function (event) {
      event.preventDefault();
      var restart = startForm.querySelector("input[name=restart]");
      post(root.dataset.startUrl, restart ? { restart: "1" } : {}).then(function (r) {
        return r.json();
      }).then(function (data) {
        var first = started === null;
        started = Date.parse(data.started);
        startForm.innerHTML = "";
        keepCopy(0);
        tick();
        if (first) setInterval(tick, 1000);
      }).catch(function () { startForm.submit(); });
    });
  }
  if (started !== null && ended === null) {
    tick();
    setInterval(tick, 1000);
  }

  /* -- now / next: the first questions not yet asked -- */
  function updateNowNext() {
    var cards = Array.prototype.slice.call(document.querySelectorAll("#iv-questions > .iv-q"));
    var open = cards.filter(function (c) { return !c.classList.contains("is-asked"); });
    cards.forEach(function (c) { c.classList.remove("is-now"); });
    if (open[0]) open[0].classList.add("is-now");
    var text = function (c) { return c ? c.querySelector(".iv-q-text").textContent : ""; };
    if ($("iv-now-text")) {
      $("iv-now-text").textContent = open[0] ? text(open[0]) : "All planned questions asked. Time to close.";
      $("iv-next-text").textContent = open[1] ? text(open[1]) : "—";
    }
  }
  updateNowNext();

  /* -- autosave: localStorage first, then the server; retried until it lands -- */
  var boxes = {};
  function key(question) { return "coffeechat:note:" + conversation + ":" + question; }
  function status(box, text, state) {
    box.status.textContent = text;
    box.status.dataset.state = state || "";
  }
  function schedule(box, ms) {
    clearTimeout(box.timer);
    box.timer = setTimeout(function () { save(box); }, ms);
  }
  function save(box) {
    clearTimeout(box.timer);
    var text = box.area.value;
    if (text === box.area.dataset.saved && !localStorage.getItem(key(box.question))) {
      return Promise.resolve();
    }
    if (box.inflight) { box.again = true; return box.inflight; }
    status(box, "Saving…", "saving");
    var data = { question: box.question, text: text };
    // From a kept copy the box may start from an older text than the server has:
    // send the text it started from, and the server refuses to overwrite a newer one.
    if (copy && box.area.dataset.saved !== undefined) data.base = box.area.dataset.saved;
    box.inflight = post(root.dataset.noteUrl, data)
      .then(function (response) {
        if (response.status === 422) {
          return response.json().then(function (data) {
            status(box, "Not saved: " + data.message, "error");
          });
        }
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json().then(function (data) {
          box.area.dataset.saved = text;
          box.delay = 0;
          keepCopy();
          if (box.area.value === text) {
            localStorage.removeItem(key(box.question));
            status(box, data.text ? "Saved " + data.saved_clock : "Saved (empty)", "saved");
          }
        });
      })
      .catch(function () {
        status(box, OFFLINE, "offline");
        box.delay = Math.min(30000, (box.delay || 2500) * 2);
        schedule(box, box.delay);
      })
      .then(function () {
        box.inflight = null;
        var failed = box.status.dataset.state === "offline" || box.status.dataset.state === "error";
        if (!failed && (box.again || box.area.value !== box.area.dataset.saved)) {
          // Typed while this save was on its way: send the newer text, one request at a time.
          box.again = false;
          return save(box);
        }
      });
    return box.inflight;
  }
  function flushAll() {
    return Promise.all(Object.keys(boxes).map(function (q) { return save(boxes[q]); }));
  }
  function dirty() {
    return Object.keys(boxes).some(function (q) { return localStorage.getItem(key(q)) !== null; });
  }

  document.querySelectorAll(".iv-note").forEach(function (form) {
    var area = form.querySelector("textarea");
    var box = {
      question: area.dataset.question, area: area, form: form,
      status: form.querySelector(".iv-status"), timer: null, inflight: null
    };
    boxes[box.question] = box;
    var kept = localStorage.getItem(key(box.question));
    if (kept !== null) {
      var text = JSON.parse(kept).text;
      if (text !== area.value) {
        area.value = text;
        status(box, "Restored from this device — saving…", "saving");
      }
      save(box);
    }
    area.addEventListener("input", function () {
      localStorage.setItem(key(box.question), JSON.stringify({ text: area.value, at: Date.now() }));
      status(box, "Unsaved changes…", "pending");
      schedule(box, 800);
    });
    area.addEventListener("blur", function () { save(box); });
    form.addEventListener("submit", function (event) { event.preventDefault(); save(box); });
  });
  window.addEventListener("online", flushAll);
  window.addEventListener("pagehide", function () {
    // A last attempt as the page goes; localStorage keeps the text either way.
    Object.keys(boxes).forEach(function (q) {
      var box = boxes[q];
      if (localStorage.getItem(key(q)) === null || !navigator.sendBeacon) return;
      var body = new FormData();
      body.append("csrfmiddlewaretoken", csrf);
      body.append("question", q);
      body.append("text", box.area.value);
      // Applied only if the server still has the text this page last saw saved, so a
      // beacon that arrives late cannot overwrite what was typed after a reload.
      body.append("base", box.area.dataset.saved || "");
      navigator.sendBeacon(root.dataset.noteUrl, body);
    });
  });

  /* -- check-off and highlight, in place -- */
  function toggle(form, field, cardClass, before) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var input = form.querySelector("input[name=" + field + "]");
      var button = form.querySelector("button");
      var card = form.closest(".iv-q");
      var on = input.value === "1";
      (before ? before(card) : Promise.resolve()).then(function () {
        var data = { question: card.dataset.question };
        data[field] = input.value;
        return post(form.action, data);
      }).then(function (response) {
        if (!response.ok) {
          return response.json().then(function (data) { alert(data.message || "Not saved."); });
        }
        card.classList.toggle(cardClass, on);
        keepCopy();
        button.setAttribute("aria-pressed", on ? "true" : "false");
        input.value = on ? "0" : "1";
        updateNowNext();
      }).catch(function () { alert("You seem to be offline; try again in a moment."); });
    });
  }
  document.querySelectorAll(".iv-asked").forEach(function (form) { toggle(form, "asked", "is-asked"); });
  document.querySelectorAll(".iv-highlight").forEach(function (form) {
    toggle(form, "on", "is-highlight", function (card) {
      var box = boxes[card.dataset.question];
      return box ? save(box) : Promise.resolve();
    });
  });

  /* -- keys while writing a note: Alt+H highlights it, Ctrl/Cmd+Enter marks the
   *    question asked and moves to the next question's note -- */
  document.addEventListener("keydown", function (event) {
    var area = event.target;
    if (!area || area.tagName !== "TEXTAREA") return;
    var card = area.closest(".iv-q[data-line]");
    if (!card) return;
    if (event.altKey && event.code === "KeyH") {
      event.preventDefault();
      card.querySelector(".iv-highlight button").click();
    } else if ((event.ctrlKey || event.metaKey) && event.key === "Enter") {
      event.preventDefault();
      var asked = card.querySelector(".iv-asked");
      if (asked.querySelector("input[name=asked]").value === "1") {
        asked.querySelector("button").click();
      }
      var next = card.nextElementSibling;
      if (next && next.querySelector("textarea")) next.querySelector("textarea").focus();
    }
  });

  /* -- ending: send every note first -- */
  var end = $("iv-end-form");
  if (end) {
    end.addEventListener("submit", function (event) {
      // page.js asked data-confirm first; a "Cancel" there stopped the event before this.
      if (end.dataset.flushed || event.defaultPrevented) return;
      event.preventDefault();
      flushAll().then(function () {
        if (dirty() && !confirm("Some notes are not saved to the server yet; they stay on this device " +
            "and are sent when you reopen interview mode. End the interview anyway?")) return;
        end.dataset.flushed = "1";
        end.submit();
      });
    });
  }
})();
