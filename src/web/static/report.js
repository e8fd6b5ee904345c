// report.js: the monthly reporting form (调度填报) in the browser. The form
// works without it; with it, a "沿用上月" button beside a field copies last
// month's value into it (the value comes in the button's data-value, as
// the pages' Content-Security-Policy allows no inline script), and the
// first field with an error is brought into view.
(function () {
  'use strict';

  function start() {
    var form = document.querySelector('form.report-form');
    if (!form) return;
    form.querySelectorAll('button.copy[data-to]').forEach(function (b) {
      var field = form.elements.namedItem(b.getAttribute('data-to'));
      if (!field || field.disabled) return;
      b.hidden = false;
      b.addEventListener('click', function () {
        field.value = b.getAttribute('data-value');
        field.dispatchEvent(new Event('change', { bubbles: true }));
        field.focus();
      });
    });
    var bad = form.querySelector('[aria-invalid="true"]');
    if (bad) {
      bad.scrollIntoView({ block: 'center' });
      bad.focus({ preventScroll: true });
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
