// What the templates ask for with data- attributes, so that no page needs an
// inline script, an inline handler or a style attribute: the
// Content-Security-Policy (settings.CONTENT_SECURITY_POLICY) forbids them.
//
//   data-confirm="…"            on a form or a submit button: ask before sending
//   data-confirm-unless-empty   with data-confirm: the id of a field; ask only
//                               when that field has text
//   data-autosubmit             on a select: send its form when it changes
//   data-print                  on a button: open the print dialog
//   data-select-on-focus        on a field: select its text when it gets focus
//   data-copy-field="ID"        on a button: copy field ID to the clipboard;
//                               data-copy-status="ID" says the outcome and
//                               data-copy-fallback what to do when the browser
//                               refuses
//   data-pct="N"                width N% (the fit meters, the interview bar)
(function () {
  "use strict";

  // Capture on document: after dates.js (capture on window) has refused an
  // unreadable date, before htmx or any form's own submit handler.
  document.addEventListener("submit", function (event) {
    var submitter = event.submitter;
    var asker = submitter && submitter.hasAttribute("data-confirm") ? submitter : event.target;
    var question = asker.getAttribute("data-confirm");
    if (!question) return;
    var only = asker.getAttribute("data-confirm-unless-empty");
    var field = only && document.getElementById(only);
    if (field && !field.value.trim()) return;
    if (window.confirm(question)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  }, true);

  document.addEventListener("change", function (event) {
    var el = event.target;
    if (el.hasAttribute && el.hasAttribute("data-autosubmit") && el.form) el.form.requestSubmit();
  });

  document.addEventListener("focusin", function (event) {
    var el = event.target;
    if (el.hasAttribute && el.hasAttribute("data-select-on-focus")) el.select();
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-print], [data-copy-field]");
    if (!button) return;
    if (button.hasAttribute("data-print")) {
      window.print();
      return;
    }
    var box = document.getElementById(button.getAttribute("data-copy-field"));
    var status = document.getElementById(button.getAttribute("data-copy-status"));
    if (!box) return;
    navigator.clipboard.writeText(box.value).then(function () {
      if (status) status.textContent = "Copied.";
    }, function () {
      box.select();
      if (status) status.textContent = button.getAttribute("data-copy-fallback") || "Press Ctrl+C (⌘C) to copy.";
    });
  });

  // Setting a width through the CSSOM is allowed by style-src 'self'; a
  // style="" attribute in the markup is not.
  function widths(root) {
    if (!root.querySelectorAll) return;
    root.querySelectorAll("[data-pct]").forEach(function (el) {
      var pct = parseFloat(el.getAttribute("data-pct"));
      el.style.width = (isFinite(pct) ? Math.max(0, Math.min(100, pct)) : 0) + "%";
    });
  }
  widths(document);
  document.addEventListener("htmx:load", function (event) { widths(event.target); });
})();
