// Progressive enhancement: while a roster import runs, reload its page every 2 seconds so the progress
// moves without a click. Without JavaScript the page offers a reload link.
(function () {
  "use strict";
  if (document.querySelector("[data-roster-progress]")) {
    window.setTimeout(function () { window.location.reload(); }, 2000);
  }
})();
