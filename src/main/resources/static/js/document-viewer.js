// Staff document viewer: zoom (拡大/縮小), 90° rotation (回転) and reset (元に戻す) of the page image.
// Sizes go through CSS custom properties set with the CSSOM (allowed by the CSP: no inline style
// attributes), rotation through classes. Page navigation is plain links and needs no script.
(function () {
  "use strict";

  var ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4];
  var FIT = 2; // index of 1: the page fits the width of the viewing area

  function start() {
    var viewer = document.getElementById("document-viewer");
    var image = document.getElementById("viewer-image");
    var stage = document.getElementById("viewer-stage");
    var canvas = document.getElementById("viewer-canvas");
    var status = document.getElementById("viewer-status");
    var error = document.getElementById("viewer-image-error");
    if (!viewer || !image || !stage || !canvas) { return; }
    var template = viewer.getAttribute("data-status-template") || "{zoom}% {rotation}°";
    var zoom = FIT;
    var rotation = 0;

    function layout() {
      if (!image.naturalWidth) { return; }
      var turned = rotation % 180 !== 0;
      var naturalW = turned ? image.naturalHeight : image.naturalWidth;
      var room = Math.max(stage.clientWidth - 2, 100);
      var fit = Math.min(1, room / naturalW);
      var scale = fit * ZOOMS[zoom];
      var w = Math.round(image.naturalWidth * scale);
      var h = Math.round(image.naturalHeight * scale);
      viewer.style.setProperty("--viewer-image-w", w + "px");
      viewer.style.setProperty("--viewer-image-h", h + "px");
      viewer.style.setProperty("--viewer-canvas-w", (turned ? h : w) + "px");
      viewer.style.setProperty("--viewer-canvas-h", (turned ? w : h) + "px");
      [90, 180, 270].forEach(function (r) {
        viewer.classList.toggle("document-viewer--rotate-" + r, rotation === r);
      });
      viewer.classList.add("document-viewer--ready");
      viewer.setAttribute("data-zoom", String(Math.round(ZOOMS[zoom] * 100)));
      viewer.setAttribute("data-rotation", String(rotation));
      if (status) {
        status.textContent = template.replace("{zoom}", String(Math.round(ZOOMS[zoom] * 100)))
          .replace("{rotation}", String(rotation));
      }
      setDisabled("zoom-in", zoom === ZOOMS.length - 1);
      setDisabled("zoom-out", zoom === 0);
    }

    function setDisabled(action, disabled) {
      var button = viewer.querySelector("[data-viewer-action='" + action + "']");
      if (button) { button.disabled = disabled; }
    }

    function act(action) {
      if (action === "zoom-in") { zoom = Math.min(zoom + 1, ZOOMS.length - 1); }
      if (action === "zoom-out") { zoom = Math.max(zoom - 1, 0); }
      if (action === "rotate") { rotation = (rotation + 90) % 360; }
      if (action === "reset") { zoom = FIT; rotation = 0; stage.scrollTop = 0; stage.scrollLeft = 0; }
      layout();
    }

    viewer.addEventListener("click", function (event) {
      var button = event.target.closest("[data-viewer-action]");
      if (button) { act(button.getAttribute("data-viewer-action")); }
    });
    // Keyboard shortcuts while the viewing area has focus: + - r 0.
    stage.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey) { return; }
      var keys = { "+": "zoom-in", "=": "zoom-in", "-": "zoom-out", "r": "rotate", "0": "reset" };
      if (keys[event.key]) { event.preventDefault(); act(keys[event.key]); }
    });
    image.addEventListener("load", function () { if (error) { error.hidden = true; } layout(); });
    image.addEventListener("error", function () { if (error) { error.hidden = false; } });
    window.addEventListener("resize", layout);
    if (image.complete && image.naturalWidth) { layout(); }
    else if (image.complete && error) { error.hidden = false; }
  }

  if (document.readyState !== "loading") { start(); } else { document.addEventListener("DOMContentLoaded", start); }
})();
