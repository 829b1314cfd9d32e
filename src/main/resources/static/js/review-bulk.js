// Review queue (bulk approval): 「このページの対象をすべて選ぶ」 ticks every offered form of the page.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var button = document.querySelector('[data-bulk-select-all]');
    var boxes = document.querySelectorAll('input.bulk-select');
    if (!button || boxes.length === 0) {
      return;
    }
    button.hidden = false;
    button.addEventListener('click', function () {
      boxes.forEach(function (box) { box.checked = true; });
    });
  });
})();
