// Fields a form needs only for one choice of a select are marked data-shown-for="<select name>=<value>" and shown
// only while that value is chosen: the account form's gemeente (beleidsadviseur) and regio (regiocoördinator), the
// round form's nulmeting to compare with (herhaling). Without JavaScript every field shows, its label saying when it
// applies; the server checks the fields either way.
(function () {
  'use strict';
  var parts = document.querySelectorAll('[data-shown-for]');
  var selects = {};
  parts.forEach(function (part) {
    var name = part.getAttribute('data-shown-for').split('=')[0];
    var form = part.closest('form');
    selects[name] = selects[name] || (form && form.querySelector('select[name="' + name + '"]'));
  });
  function show() {
    parts.forEach(function (part) {
      var rule = part.getAttribute('data-shown-for').split('=');
      var select = selects[rule[0]];
      part.hidden = select ? select.value !== rule[1] : false;
    });
  }
  Object.keys(selects).forEach(function (name) {
    if (selects[name]) { selects[name].addEventListener('change', show); }
  });
  show();
})();
