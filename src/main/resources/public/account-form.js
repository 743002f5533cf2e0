// The account form (templates/accounts/form.hbs) shows only the field the chosen role needs: the gemeente for a
// beleidsadviseur, the regio for a regiocoördinator, neither for a beheerder. Without JavaScript every field shows,
// each with its role in the label; the server checks the fields either way.
(function () {
  'use strict';
  var role = document.querySelector('select[name=role]');
  if (!role) { return; }
  var parts = document.querySelectorAll('[data-for-role]');
  function show() {
    parts.forEach(function (part) { part.hidden = part.getAttribute('data-for-role') !== role.value; });
  }
  role.addEventListener('change', show);
  show();
})();
