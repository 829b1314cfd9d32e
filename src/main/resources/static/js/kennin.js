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
  // they stay visible with a hint saying when to answer them.
  function conditionalReveals() {
    document.querySelectorAll("[data-reveal-when]").forEach(function (block) {
      var rule = block.getAttribute("data-reveal-when").split("=");
      var inputs = document.querySelectorAll("input[name='" + rule[0] + "']");
      if (!inputs.length) { return; }
      function update() {
        var on = false;
        inputs.forEach(function (i) { if (i.checked && i.value === rule[1]) { on = true; } });
        block.hidden = !on;
      }
      inputs.forEach(function (i) { i.addEventListener("change", update); });
      update();
    });
  }

  onReady(function () {
    conditionalReveals();
    focusErrorSummary();
    passwordToggles();
    singleSubmit();
  });
})();
