// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  function onReady(fn) {
    if (document.readyState !== "loading") { fn(); } else { document.addEventListener("DOMContentLoaded", fn); }
  }

  // Move focus to the error summary so screen reader users hear what went wrong.
  function focusErrorSummary() {
    var summary = document.querySelector("[data-autofocus]");
    if (summary) { summary.focus(); }
  }

  // Show/hide toggles for password fields: <button data-password-toggle="fieldId" data-show="…" data-hide="…">
  function passwordToggles() {
    document.querySelectorAll("[data-password-toggle]").forEach(function (button) {
      var input = document.getElementById(button.getAttribute("data-password-toggle"));
      if (!input) { return; }
      button.hidden = false;
      button.addEventListener("click", function () {
        var showing = input.type === "text";
        input.type = showing ? "password" : "text";
        button.textContent = showing ? button.getAttribute("data-show") : button.getAttribute("data-hide");
        button.setAttribute("aria-pressed", showing ? "false" : "true");
      });
    });
  }

  // Block a second click on a submit button while the first request is on its way (the server is
  // idempotent anyway; this only avoids a confusing second page load).
  function singleSubmit() {
    document.querySelectorAll("form[data-single-submit]").forEach(function (form) {
      form.addEventListener("submit", function (e) {
        form.querySelectorAll("button[type=submit]").forEach(function (b) { b.setAttribute("aria-disabled", "true"); });
        if (form.dataset.submitted) { e.preventDefault(); }
        form.dataset.submitted = "true";
      });
    });
  }

  // Questions that apply to one choice only: <div data-reveal-when="fieldName=VALUE">. Without JavaScript
  // they stay visible with a hint saying when to answer them. Conditions chain: a block stays hidden while
  // the question it depends on is itself hidden, so the blocks are updated in page order on every change.
  function conditionalReveals() {
    var rules = [];
    document.querySelectorAll("[data-reveal-when]").forEach(function (block) {
      var rule = block.getAttribute("data-reveal-when");
      var at = rule.lastIndexOf("=");
      var inputs = document.querySelectorAll("input[name='" + rule.slice(0, at) + "']");
      if (inputs.length) { rules.push({ block: block, inputs: inputs, value: rule.slice(at + 1) }); }
    });
    function update() {
      rules.forEach(function (r) {
        var on = false;
        r.inputs.forEach(function (i) { if (i.checked && i.value === r.value && !i.closest("[hidden]")) { on = true; } });
        r.block.hidden = !on;
      });
    }
    rules.forEach(function (r) { r.inputs.forEach(function (i) { i.addEventListener("change", update); }); });
    update();
  }

  // Unsaved input survives a session timeout or a lost connection: forms with data-draft-key keep what was
  // typed in sessionStorage (gone when the tab closes) until the server has saved a newer version.
  function drafts() {
    if (!window.sessionStorage) { return; }
    document.querySelectorAll("form[data-draft-key]").forEach(function (form) {
      var key = "kennin-draft:" + form.getAttribute("data-draft-key");
      var prefix = key.replace(/:[^:]*$/, ":");
      for (var i = sessionStorage.length - 1; i >= 0; i--) {
        var k = sessionStorage.key(i);
        if (k && k.indexOf(prefix) === 0 && k !== key) { sessionStorage.removeItem(k); }
      }
      var saved = sessionStorage.getItem(key);
      if (saved && !form.querySelector("[aria-invalid='true']")) {
        var values = JSON.parse(saved);
        Object.keys(values).forEach(function (name) {
          form.querySelectorAll("[name='" + name + "']").forEach(function (el) {
            if (el.type === "checkbox" || el.type === "radio") { el.checked = values[name].indexOf(el.value) >= 0; }
            else if (el.type !== "hidden") { el.value = values[name][0]; }
          });
        });
        var notice = form.querySelector("[data-draft-notice]");
        if (notice) { notice.hidden = false; }
      }
      function store() {
        var values = {};
        Array.prototype.forEach.call(form.elements, function (el) {
          if (!el.name || el.name === "_csrf" || el.type === "hidden" || el.type === "submit") { return; }
          if ((el.type === "checkbox" || el.type === "radio") && !el.checked) { values[el.name] = values[el.name] || []; return; }
          (values[el.name] = values[el.name] || []).push(el.value);
        });
        sessionStorage.setItem(key, JSON.stringify(values));
      }
      form.addEventListener("input", store);
      form.addEventListener("change", store);
    });
  }

  onReady(function () {
    drafts();
    conditionalReveals();
    focusErrorSummary();
    passwordToggles();
    singleSubmit();
  });
})();
