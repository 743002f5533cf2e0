// The "Afdrukken" button of the printable questionnaire (a file, since the Content-Security-Policy allows no inline scripts).
(function () {
  'use strict';
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
  });
})();
