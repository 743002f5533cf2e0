// The "Alleen gewijzigde stellingen tonen" filter of the comparison page, applied at once in the page. Without
// JavaScript the same checkbox works through the "Toepassen" button (a GET parameter); the server then marks the
// same rows hidden, so both ways show the same.
(function () {
  'use strict';
  var form = document.querySelector('form[data-comparison-filter]');
  if (!form) { return; }
  var checkbox = form.querySelector('input[name=alleen]');
  var status = document.getElementById('filter-status');
  form.querySelector('[data-filter-apply]').hidden = true;

  checkbox.addEventListener('change', function () {
    var changedOnly = checkbox.checked;
    document.querySelectorAll('[data-comparison-group]').forEach(function (group) {
      group.querySelectorAll('tr[data-changed]').forEach(function (row) {
        row.hidden = changedOnly && row.getAttribute('data-changed') !== 'true';
      });
      var noneChanged = changedOnly && !group.querySelector('tr[data-changed="true"]');
      group.querySelector('[data-statements]').hidden = noneChanged;
      group.querySelector('[data-none-changed]').hidden = !noneChanged;
    });
    status.textContent = status.getAttribute(changedOnly ? 'data-shown-changed' : 'data-shown-all');
    var url = new URL(window.location.href);
    if (changedOnly) { url.searchParams.set('alleen', checkbox.value); } else { url.searchParams.delete('alleen'); }
    window.history.replaceState(null, '', url.toString());
  });
})();
