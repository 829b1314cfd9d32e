// Progressive enhancement of the roster import pages; both work without this file.
(function () {
  "use strict";

  // While an import runs, reload its page every 2 seconds so the progress moves without a click.
  // Without JavaScript the page offers a reload link.
  if (document.querySelector("[data-roster-progress]")) {
    window.setTimeout(function () { window.location.reload(); }, 2000);
  }

  // A file over the upload limit is reported before hundreds of megabytes are sent for nothing (the
  // server refuses it too). Listens in the capture phase so that a refused submit never reaches the
  // single-submit guard of kennin.js, which would block the next try.
  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (!form.hasAttribute || !form.hasAttribute("data-roster-upload")) { return; }
    var input = form.querySelector("input[type=file]");
    var box = document.getElementById("file-js-error");
    var maxBytes = parseInt(form.getAttribute("data-max-bytes"), 10);
    var file = input && input.files && input.files[0];
    var tooLarge = !!(file && maxBytes && file.size > maxBytes);
    if (box) {
      box.textContent = tooLarge ? form.getAttribute("data-too-large") : "";
      box.hidden = !tooLarge;
    }
    if (!tooLarge) { return; }
    e.preventDefault();
    e.stopPropagation();
    input.closest(".form-field").classList.add("form-field--error");
    input.setAttribute("aria-invalid", "true");
    var described = (input.getAttribute("aria-describedby") || "").split(" ");
    if (described.indexOf(box.id) < 0) { described.push(box.id); }
    input.setAttribute("aria-describedby", described.join(" ").trim());
    input.focus();
  }, true);
})();
