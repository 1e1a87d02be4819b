// Copy buttons on the composer: put the draft on the clipboard, then maybe open a page.
document.addEventListener("click", async (event) => {
  const button = event.target.closest(".js-copy");
  if (!button) return;
  const body = document.querySelector(button.dataset.copyTarget);
  const subject = button.dataset.copySubject && document.querySelector(button.dataset.copySubject);
  const text = (subject && subject.value ? subject.value + "\n\n" : "") + (body ? body.value : "");
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = "Copied";
  } catch (error) {
    body.select();
    button.textContent = "Press Ctrl+C to copy";
  }
  if (button.dataset.open) window.open(button.dataset.open, "_blank", "noopener");
});
