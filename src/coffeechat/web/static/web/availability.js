// Availability: add and remove rows of weekly windows, renumbering their labels.
(() => {
  const body = document.getElementById("window-rows");
  const renumber = () => body.querySelectorAll("tr").forEach((row, i) => {
    const n = i + 1;
    row.querySelectorAll("select, input").forEach((el) => { el.id = el.name.replace("weekday", "day") + "-" + n; });
    row.querySelectorAll("label").forEach((label, j) => {
      const target = row.querySelectorAll("select, input")[j];
      label.htmlFor = target.id; label.textContent = "Row " + n + " " + ["day", "from", "to"][j];
    });
    row.querySelector(".remove-row").setAttribute("aria-label", "Remove row " + n);
  });
  document.getElementById("add-row").addEventListener("click", () => {
    const copy = body.querySelector("tr").cloneNode(true);
    copy.querySelectorAll("input").forEach((input) => { input.value = ""; });
    body.appendChild(copy); renumber(); copy.querySelector("select").focus();
  });
  body.addEventListener("click", (event) => {
    if (!event.target.classList.contains("remove-row")) return;
    const row = event.target.closest("tr");
    if (body.querySelectorAll("tr").length > 1) { row.remove(); renumber(); }
    else { row.querySelectorAll("input").forEach((input) => { input.value = ""; }); }
  });
})();
