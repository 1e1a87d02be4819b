// Copy buttons on the composer: put the draft on the clipboard, then maybe open a page.
document.addEventListener("click", async (event) => {
  const button = event.target.closest(".js-copy");
  if (!button) return;
  const body = document.querySelector(button.dataset.copyTarget);
  const subject = button.dataset.copySubject && document.querySelector(button.dataset.copySubject);
  // A hidden subject (LinkedIn has none) is not copied.
  const text = (subject && subject.value && !subject.closest("[hidden]") ? subject.value + "\n\n" : "") + (body ? body.value : "");
  // The buttons are redrawn as the checks re-run, so the outcome is said outside them too.
  const status = document.getElementById("copy-status");
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = "Copied";
    if (status) status.textContent = button.dataset.open ? "Copied; paste it into LinkedIn." : "Copied to the clipboard.";
  } catch (error) {
    body.select();
    button.textContent = "Press Ctrl+C to copy";
    if (status) status.textContent = "Your browser did not allow copying: press Ctrl+C (⌘C) to copy the selected text.";
  }
  if (button.dataset.open) window.open(button.dataset.open, "_blank", "noopener");
});

// LinkedIn notes and messages have no subject line: hide the field for them.
function showSubjectFor(channel) {
  const field = document.getElementById("subject-field");
  if (field) field.hidden = channel === "linkedin-note" || channel === "linkedin-message";
}
document.addEventListener("change", (event) => {
  if (event.target.id === "draft-channel") showSubjectFor(event.target.value);
});
