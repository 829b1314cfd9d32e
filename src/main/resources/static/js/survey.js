// Survey step pages (the member's, and staff's proxy input at /admin/proxy/...): save in the background a moment
// after typing stops, so a closed tab or an expired session loses nothing. The save posts the form's own fields
// (CSRF token and version included) to its action with X-Kennin-Autosave; only a step that validates is saved, a
// stale version is refused (409). The page still works without this.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave]");
  var status = document.querySelector("[data-autosave-status]");
  if (!form || !window.fetch || !window.FormData) { return; }
  var timer = null;
  var inFlight = null;
  var submitQueued = false;
  var version = form.querySelector("input[name='version']");

  function save() {
    timer = null;
    var body = new URLSearchParams(new FormData(form));
    inFlight = fetch(form.action, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-Kennin-Autosave": "1" }
    }).then(function (response) {
      if (response.status === 204) {
        var next = response.headers.get("X-Kennin-Version");
        if (next && version) { version.value = next; }
        if (status) { status.textContent = status.getAttribute("data-saved"); status.hidden = false; }
      }
    }).catch(function () { /* offline: the sessionStorage draft keeps the input */ }).then(function () {
      inFlight = null;
    });
  }

  function schedule() {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(save, 1500);
  }

  // A click on 「保存して次へ」 while a background save is on its way waits for the version that save
  // returns; sent at once, the page's own save would carry the old version and be taken for a stale tab's.
  form.addEventListener("submit", function (event) {
    if (timer) { clearTimeout(timer); timer = null; }
    if (!inFlight) { return; }
    event.preventDefault();
    if (submitQueued) { return; }
    submitQueued = true;
    inFlight.then(function () {
      if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
    });
  });

  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
})();
