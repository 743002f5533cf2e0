// An error summary (templates/partials/error-summary.hbs) takes the focus when the page opens, so that keyboard
// and screen reader users hear what went wrong first. A link in it to a question on the same page moves the focus
// to the field that is wrong (else the question's first field), not just the view.
(function () {
  'use strict';
  var summary = document.querySelector('[data-error-summary]');
  if (!summary) { return; }
  summary.focus();
  summary.addEventListener('click', function (event) {
    var link = event.target.closest('a[href^="#"]');
    var target = link && document.getElementById(link.getAttribute('href').substring(1));
    var field = target && (target.querySelector('[aria-invalid=true]')
      || target.querySelector('input:not([type=hidden]), textarea, select'));
    if (field) {
      event.preventDefault();
      target.scrollIntoView();
      field.focus({ preventScroll: true });
    }
  });
})();
