// The upload page's file field: reads the chosen file into the text area that the form sends, so that the form
// stays one simple form with its CSRF field. Without script the field stays hidden and the text can be pasted.
(function () {
  'use strict';
  var field = document.querySelector('[data-file-field]');
  var input = document.querySelector('[data-file-input]');
  var target = document.querySelector('[data-file-target]');
  if (!field || !input || !target || !window.FileReader) {
    return;
  }
  field.hidden = false;
  input.addEventListener('change', function () {
    var file = input.files && input.files[0];
    if (!file) {
      return;
    }
    var reader = new FileReader();
    reader.onload = function () { target.value = reader.result; };
    reader.readAsText(file, 'UTF-8');
  });
})();
