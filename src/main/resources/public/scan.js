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

  function keyOf(fieldset) { return fieldset.getAttribute('data-question-key'); }
  function versionField(key) { return form.querySelector('input[name="version.' + key + '"]'); }
  function commentField(fieldset, key) { return fieldset.querySelector('textarea[name="comment.' + key + '"]'); }
  function textField(fieldset, key) { return fieldset.querySelector('input[type=text][name="value.' + key + '"]'); }

  function valueOf(fieldset, key) {
    var checked = fieldset.querySelector('input[type=radio][name="value.' + key + '"]:checked');
    if (checked) { return checked.value; }
    var field = textField(fieldset, key);
    return field && field.value.trim() !== '' ? field.value : null;
  }

  // The form's value: a radio's value, or the text of a kengetal (in Dutch notation, as the page shows it).
  function setValue(fieldset, key, value) {
    var radios = fieldset.querySelectorAll('input[type=radio][name="value.' + key + '"]');
    for (var i = 0; i < radios.length; i++) { radios[i].checked = radios[i].value === value; }
    var field = textField(fieldset, key);
    if (field) { field.value = value || ''; }
  }

  // A stored kengetal ("1234.5") as the page shows it ("1.234,5"), so that a misread number shows at once.
  function dutch(value) {
    var number = Number(value);
    return value !== null && isFinite(number)
      ? new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 20 }).format(number) : value;
  }

  function labelOf(fieldset, key, value) {
    if (value === null || value === undefined) { return '(leeg)'; }
    var input = fieldset.querySelector('input[type=radio][name="value.' + key + '"][value="' + value + '"]');
    var label = input ? fieldset.querySelector('label[for="' + input.id + '"]') : null;
    return label ? label.textContent : textField(fieldset, key) ? dutch(value) : value;
  }

  // "Niet van toepassing" without a toelichting is saved but stays open: said at the field, as the page says it.
  function markIncomplete(fieldset, key) {
    var note = fieldset.querySelector('.question__incomplete');
    if (!note) { return false; }
    var checked = fieldset.querySelector('input[type=radio][name="value.' + key + '"]:checked');
    var comment = commentField(fieldset, key);
    var incomplete = !!checked && checked.hasAttribute('data-requires-comment') && comment.value.trim() === '';
    note.hidden = !incomplete;
    var described = (comment.getAttribute('aria-describedby') || '').split(' ').filter(function (id) {
      return id !== '' && id !== note.id;
    });
    if (incomplete) { described.push(note.id); }
    if (described.length) { comment.setAttribute('aria-describedby', described.join(' ')); } else { comment.removeAttribute('aria-describedby'); }
    if (incomplete || described.length) { comment.setAttribute('aria-invalid', 'true'); } else { comment.removeAttribute('aria-invalid'); }
    return incomplete;
  }

  function conflictOf(fieldset) { return fieldset.querySelector('.question__conflict'); }

  // A colleague saved first: their answer beside the user's, which stays in the form until the user chooses.
  function showConflict(fieldset, key, json) {
    var old = conflictOf(fieldset);
    if (old) { old.parentNode.removeChild(old); }
    var current = json.current;
    var block = document.getElementById('conflict-template').content.firstElementChild.cloneNode(true);
    var value = current ? current.value : null;
    block.setAttribute('data-value', value === null ? '' : textField(fieldset, key) ? dutch(value) : value);
    block.setAttribute('data-comment', current && current.comment ? current.comment : '');
    block.setAttribute('data-version', current ? current.version : 0);
    block.querySelector('[data-slot=message]').textContent = json.message;
    block.querySelector('[data-slot=label]').textContent = labelOf(fieldset, key, value);
    if (current && current.comment) {
      block.querySelector('[data-slot=comment]').textContent = current.comment;
      block.querySelector('[data-slot=comment-line]').hidden = false;
    }
    var version = block.querySelector('input[type=hidden]');
    version.name = 'conflictVersion.' + key;
    version.value = current ? current.version : 0;
    block.querySelector('[data-choice=mine]').value = 'mijn.' + key;
    block.querySelector('[data-choice=colleague]').value = 'collega.' + key;
    fieldset.insertBefore(block, fieldset.querySelector('.question__options, .question__answer'));
    show(fieldset, 'Niet opgeslagen: kies hierboven welk antwoord blijft.', 'error');
  }

  // One save at a time per question, each based on the version the previous save returned.
  var queues = {};
  function save(fieldset) {
    var id = fieldset.id;
    queues[id] = (queues[id] || Promise.resolve()).then(function () { return send(fieldset); });
  }

  function send(fieldset) {
    var key = keyOf(fieldset);
    var field = versionField(key);
    var comment = commentField(fieldset, key).value;
    var value = valueOf(fieldset, key);
    // notation "nl": a kengetal is read as the person typed it, "230.000" being two hundred thirty thousand.
    var body = JSON.stringify({ value: value, comment: comment === '' ? null : comment,
      version: parseInt(field.value, 10), notation: 'nl' });
    show(fieldset, 'Bezig met opslaan…', 'busy');
    return fetch('/api/v1/scans/' + scanId + '/answers/' + encodeURIComponent(key), {
      method: 'PUT', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-CSRF-Token': csrfToken },
      body: body
    }).then(function (response) {
      return response.json().then(function (json) { return { status: response.status, json: json }; });
    }).then(function (result) {
      if (result.status === 200) {
        field.value = result.json.version;
        var text = textField(fieldset, key);
        if (text && result.json.value !== null && text.value === value) { text.value = dutch(result.json.value); }
        if (markIncomplete(fieldset, key)) {
          show(fieldset, 'Opgeslagen, maar nog niet compleet: geef een toelichting.', 'warning');
        } else {
          show(fieldset, 'Opgeslagen', 'ok');
        }
      } else if (result.status === 409 && 'current' in result.json) {
        showConflict(fieldset, key, result.json);
      } else {
        show(fieldset, 'Niet opgeslagen: ' + (result.json.message || 'onbekende fout'), 'error');
      }
    }).catch(function () {
      show(fieldset, 'Niet opgeslagen: geen verbinding. Probeer het opnieuw of gebruik de knop Opslaan.', 'error');
    });
  }

  function changed(fieldset) {
    if (conflictOf(fieldset)) {
      show(fieldset, 'Niet opgeslagen: kies hierboven welk antwoord blijft.', 'error');
    } else {
      save(fieldset);
    }
  }

  var timers = {};
  // The buttons of one question, handled here instead of posting the whole page.
  form.addEventListener('click', function (event) {
    var button = event.target.closest('button[data-choice]');
    var fieldset = button && button.closest('fieldset.question');
    if (!fieldset) { return; }
    event.preventDefault();
    clearTimeout(timers[fieldset.id]);
    var key = keyOf(fieldset);
    var choice = button.getAttribute('data-choice');
    if (choice === 'baseline') {
      var baseline = button.closest('.question__baseline');
      setValue(fieldset, key, baseline.getAttribute('data-value'));
      var comment = commentField(fieldset, key);
      if (comment.value.trim() === '') { comment.value = baseline.getAttribute('data-comment'); }
      changed(fieldset);
      return;
    }
    var block = button.closest('.question__conflict');
    versionField(key).value = block.getAttribute('data-version');
    if (choice === 'colleague') {
      setValue(fieldset, key, block.getAttribute('data-value'));
      commentField(fieldset, key).value = block.getAttribute('data-comment');
      markIncomplete(fieldset, key);
      show(fieldset, 'U houdt het antwoord van uw collega.', 'ok');
    }
    block.parentNode.removeChild(block);
    if (choice === 'mine') { save(fieldset); }
    (fieldset.querySelector('input[type=radio]:checked') || fieldset.querySelector('input[type=text], input[type=radio]')
      || commentField(fieldset, key)).focus();
  });

  form.addEventListener('change', function (event) {
    var fieldset = event.target.closest('fieldset.question');
    if (fieldset) { clearTimeout(timers[fieldset.id]); changed(fieldset); }
  });
  form.addEventListener('input', function (event) {
    var fieldset = event.target.closest('fieldset.question');
    if (fieldset && event.target.tagName === 'TEXTAREA') {
      clearTimeout(timers[fieldset.id]);
      timers[fieldset.id] = setTimeout(function () { changed(fieldset); }, 1500);
    }
  });
})();
