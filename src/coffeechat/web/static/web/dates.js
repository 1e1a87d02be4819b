// A date the browser cannot read (31 February) reaches the server as an empty
// value, so a form would save "no date" without a word. Before any form is
// sent, such a field stops the submission and says which field it is.
(function () {
  "use strict";
  var TYPES = { date: "date", "datetime-local": "date and time", time: "time", month: "month" };

  function labelOf(input) {
    var label = input.id && document.querySelector('label[for="' + input.id + '"]');
    var text = label ? label.textContent : input.name;
    return text.replace(/\s*\(.*\)\s*$/, "").replace(/[:*]\s*$/, "").trim();
  }

  function clearMessage(input) {
    var old = document.getElementById(input.id + "-bad-date");
    if (old) old.remove();
    input.removeAttribute("aria-invalid");
  }

  function showMessage(input) {
    clearMessage(input);
    var message = document.createElement("p");
    message.className = "field-error";
    message.id = (input.id || input.name) + "-bad-date";
    message.setAttribute("role", "alert");
    message.textContent =
      labelOf(input) + ": that is not a real " + TYPES[input.type] +
      " (for example 31 February). Correct it or clear the field; nothing was sent.";
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", message.id);
    input.insertAdjacentElement("afterend", message);
  }

  function unreadable(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return TYPES[el.type] && el.validity && el.validity.badInput;
    });
  }

  // Capture on window: runs before htmx or any form's own handler.
  window.addEventListener("submit", function (event) {
    var form = event.target;
    var submitter = event.submitter;
    if (submitter && submitter.hasAttribute("formnovalidate")) return;
    var bad = unreadable(form);
    Array.prototype.forEach.call(form.elements, function (el) {
      if (TYPES[el.type] && bad.indexOf(el) < 0) clearMessage(el);
    });
    if (!bad.length) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    bad.forEach(showMessage);
    bad[0].focus();
  }, true);
})();
