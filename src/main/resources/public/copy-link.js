// "Kopieer link" beside an invitation link (templates/accounts/invited.hbs): copies the link and says so in a live
// region. The button is hidden until this script runs, so without JavaScript (or without a clipboard) there is only
// the link, to select and copy by hand.
(function () {
  'use strict';
  if (!navigator.clipboard) { return; }
  document.querySelectorAll('[data-copy-target]').forEach(function (button) {
    var source = document.getElementById(button.getAttribute('data-copy-target'));
    var status = document.getElementById(button.getAttribute('data-copy-status'));
    if (!source || !status) { return; }
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(source.textContent.trim()).then(function () {
        status.textContent = 'Link gekopieerd';
      }, function () {
        status.textContent = 'Kopiëren is niet gelukt. Selecteer de link en kopieer hem zelf.';
      });
    });
  });
})();
