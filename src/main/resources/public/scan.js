// Saves each answer as soon as it changes, through the same API that scripts use. Without JavaScript the page's
// "Opslaan" buttons do the same work; with it, the buttons still work as a fallback.
(function () {
  'use strict';
  var form = document.querySelector('form.scan-form[data-scan-id]');
  if (!form) { return; }
  var scanId = form.getAttribute('data-scan-id');
  var csrfToken = form.querySelector('input[name=_csrf]').value;

  function show(fieldset, text, kind) {
    var status = fieldset.querySelector('.question__status');
    status.textContent = text;
    status.className = 'question__status question__status--' + kind;
  }

  function valueOf(fieldset, key) {
    var checked = fieldset.querySelector('input[type=radio][name="value.' + key + '"]:checked');
    if (checked) { return checked.value; }
    var field = fieldset.querySelector('input[type=text][name="value.' + key + '"]');
    return field && field.value.trim() !== '' ? field.value : null;
  }

  function labelOf(fieldset, key, value) {
    if (value === null || value === undefined) { return '(leeg)'; }
    var input = fieldset.querySelector('input[type=radio][name="value.' + key + '"][value="' + value + '"]');
    var label = input ? fieldset.querySelector('label[for="' + input.id + '"]') : null;
    return label ? label.textContent : value;
  }

  // One save at a time per question, each based on the version the previous save returned.
  var queues = {};
  function save(fieldset) {
    var id = fieldset.id;
    queues[id] = (queues[id] || Promise.resolve()).then(function () { return send(fieldset); });
  }

  function send(fieldset) {
    var key = fieldset.getAttribute('data-question-key');
    var versionField = form.querySelector('input[name="version.' + key + '"]');
    var comment = fieldset.querySelector('textarea[name="comment.' + key + '"]').value;
    var body = JSON.stringify({ value: valueOf(fieldset, key), comment: comment === '' ? null : comment,
      version: parseInt(versionField.value, 10) });
    show(fieldset, 'Bezig met opslaan…', 'busy');
    return fetch('/api/v1/scans/' + scanId + '/answers/' + encodeURIComponent(key), {
      method: 'PUT', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-CSRF-Token': csrfToken },
      body: body
    }).then(function (response) {
      return response.json().then(function (json) { return { status: response.status, json: json }; });
    }).then(function (result) {
      if (result.status === 200) {
        versionField.value = result.json.version;
        show(fieldset, 'Opgeslagen', 'ok');
      } else if (result.status === 409 && result.json.current) {
        show(fieldset, result.json.message + ' Opgeslagen antwoord: ' + labelOf(fieldset, key, result.json.current.value)
          + (result.json.current.comment ? ', toelichting: ' + result.json.current.comment : '')
          + '. Laad de pagina opnieuw om verder te gaan.', 'error');
      } else {
        show(fieldset, 'Niet opgeslagen: ' + (result.json.message || 'onbekende fout'), 'error');
      }
    }).catch(function () {
      show(fieldset, 'Niet opgeslagen: geen verbinding. Probeer het opnieuw of gebruik de knop Opslaan.', 'error');
    });
  }

  var timers = {};
  form.addEventListener('change', function (event) {
    var fieldset = event.target.closest('fieldset.question');
    if (fieldset) { clearTimeout(timers[fieldset.id]); save(fieldset); }
  });
  form.addEventListener('input', function (event) {
    var fieldset = event.target.closest('fieldset.question');
    if (fieldset && event.target.tagName === 'TEXTAREA') {
      clearTimeout(timers[fieldset.id]);
      timers[fieldset.id] = setTimeout(function () { save(fieldset); }, 1500);
    }
  });
})();
