// Progressive enhancement of the upload fragment (templates/document/upload.html). Without this file
// every upload still works; with it:
//  - a file over the size limit, or no file at all, is reported before anything is sent;
//  - a HEIC/HEIF photo is converted to JPEG in the browser when the browser can decode HEIC (Safari on
//    macOS/iOS), so staff get a photo they can open. Where it cannot (e.g. Chrome on Windows), the HEIC
//    is sent as it is and the server converts or keeps it (docs/documents.md).
(function () {
  "use strict";

  var HEIC = /\.(heic|heif)$/i;

  function isHeic(file) {
    return file.type === "image/heic" || file.type === "image/heif" || HEIC.test(file.name);
  }

  function showError(form, input, text) {
    var box = document.getElementById(input.id + "-js-error");
    if (!box) { return; }
    box.textContent = text;
    box.hidden = !text;
    if (text) {
      input.setAttribute("aria-invalid", "true");
      var described = (input.getAttribute("aria-describedby") || "").split(" ");
      if (described.indexOf(box.id) < 0) { described.push(box.id); }
      input.setAttribute("aria-describedby", described.join(" ").trim());
      input.focus();
    }
  }

  // Draws the decoded photo on a canvas and returns a JPEG File, or rejects if the browser cannot decode it.
  function toJpeg(file) {
    if (typeof createImageBitmap !== "function" || typeof DataTransfer !== "function") {
      return Promise.reject(new Error("unsupported"));
    }
    return createImageBitmap(file).then(function (bitmap) {
      var canvas = document.createElement("canvas");
      canvas.width = bitmap.width;
      canvas.height = bitmap.height;
      canvas.getContext("2d").drawImage(bitmap, 0, 0);
      return new Promise(function (resolve, reject) {
        canvas.toBlob(function (blob) {
          if (!blob) { reject(new Error("encoding failed")); return; }
          resolve(new File([blob], file.name.replace(HEIC, "") + ".jpg", { type: "image/jpeg" }));
        }, "image/jpeg", 0.9);
      });
    });
  }

  function enhance(form) {
    var input = form.querySelector("input[type=file]");
    var button = form.querySelector("button[type=submit]");
    if (!input) { return; }
    var maxBytes = parseInt(form.getAttribute("data-max-bytes"), 10);

    input.addEventListener("change", function () {
      showError(form, input, "");
      var file = input.files && input.files[0];
      if (!file || !isHeic(file)) { return; }
      button.setAttribute("aria-disabled", "true");
      var status = document.getElementById(input.id + "-js-error");
      if (status) { status.hidden = false; status.textContent = form.getAttribute("data-converting"); }
      toJpeg(file).then(function (jpeg) {
        var transfer = new DataTransfer();
        transfer.items.add(jpeg);
        input.files = transfer.files;
      }).catch(function () {
        // Not decodable here: send the HEIC itself.
      }).then(function () {
        button.removeAttribute("aria-disabled");
        if (status && status.textContent === form.getAttribute("data-converting")) { status.hidden = true; status.textContent = ""; }
      });
    });

    form.addEventListener("submit", function (e) {
      var file = input.files && input.files[0];
      if (button.getAttribute("aria-disabled") === "true") { e.preventDefault(); return; }
      if (!file) {
        e.preventDefault();
        showError(form, input, form.getAttribute("data-no-file"));
      } else if (maxBytes && file.size > maxBytes) {
        e.preventDefault();
        showError(form, input, form.getAttribute("data-too-large"));
      }
    });
  }

  function init() {
    document.querySelectorAll("form[data-document-upload]").forEach(function (form) {
      if (form.dataset.enhanced) { return; }
      form.dataset.enhanced = "true";
      enhance(form);
    });
  }

  if (document.readyState !== "loading") { init(); } else { document.addEventListener("DOMContentLoaded", init); }
}());
