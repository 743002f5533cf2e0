// Saves each answer as soon as it changes, through the same API that scripts use. Without JavaScript the page's
// "Opslaan" buttons do the same work; with it, the buttons still work as a fallback.
(function () {
  'use strict';
  var form = document.querySelector('form.scan-form[data-scan-id]');
  if (!form) { return; }
  var scanId = form.getAttribute('data-scan-id');
  var csrfField = form.querySelector('input[name=_csrf]');
  var csrfToken = csrfField.value;

  function show(fieldset, text, kind) {
    var status = fieldset.querySelector('.question__status');
    status.textContent = text;
    status.className = 'question__status question__status--' + kind;
    return status;
  }

  function keyOf(fieldset) { return fieldset.getAttribute('data-question-key'); }
  function versionField(key) { return form.querySelector('input[name="version.' + key + '"]'); }
  function commentField(fieldset, key) { return fieldset.querySelector('textarea[name="comment.' + key + '"]'); }
  function textField(fieldset, key) { return fieldset.querySelector('input[type=text][name="value.' + key + '"]'); }

  // A multiple choice's checkboxes (value.<key>.<option>); its value is the ticked options, comma-separated, as stored.
  function boxes(fieldset, key) { return fieldset.querySelectorAll('input[type=checkbox][name^="value.' + key + '."]'); }

  function valueOf(fieldset, key) {
    var ticked = Array.prototype.filter.call(boxes(fieldset, key), function (box) { return box.checked; })
      .map(function (box) { return box.value; });
    if (ticked.length) { return ticked.join(','); }
    var checked = fieldset.querySelector('input[type=radio][name="value.' + key + '"]:checked');
    if (checked) { return checked.value; }
    var field = textField(fieldset, key);
    return field && field.value.trim() !== '' ? field.value : null;
  }

  // The form's value: a radio's value, the ticked boxes, or the text of a kengetal (in Dutch notation, as the page shows it).
  function setValue(fieldset, key, value) {
    var radios = fieldset.querySelectorAll('input[type=radio][name="value.' + key + '"]');
    for (var i = 0; i < radios.length; i++) { radios[i].checked = radios[i].value === value; }
    var chosen = value ? value.split(',') : [];
    Array.prototype.forEach.call(boxes(fieldset, key), function (box) { box.checked = chosen.indexOf(box.value) >= 0; });
    var field = textField(fieldset, key);
    if (field) { field.value = value || ''; }
  }

  // A stored kengetal ("1234.5") as the page shows it ("1.234,5"), so that a misread number shows at once.
  function dutch(value) {
    var number = Number(value);
    return value !== null && isFinite(number)
      ? new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 20 }).format(number) : value;
  }

  function commentOf(fieldset, key) {
    var comment = commentField(fieldset, key).value;
    return comment === '' ? null : comment;
  }

  function labelOf(fieldset, key, value) {
    if (value === null || value === undefined) { return '(leeg)'; }
    if (boxes(fieldset, key).length) {
      return value.split(',').map(function (one) {
        var box = fieldset.querySelector('input[type=checkbox][name="value.' + key + '.' + one + '"]');
        var label = box ? fieldset.querySelector('label[for="' + box.id + '"]') : null;
        return label ? label.textContent : one;
      }).join(', ');
    }
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

  // The progress on the page (templates/scans/progress.hbs and steps.hbs) follows each save's answer
  // (ScanController.ProgressJson): the figures of the scan, and the state and figures of every step.
  var BADGES = { NOT_STARTED: 'neutral', IN_PROGRESS: 'warning', DONE: 'success', ATTENTION: 'danger' };
  function setText(element, text) {
    if (element) { element.textContent = text; }
  }
  function showProgress(progress) {
    if (!progress) { return; }
    var total = document.querySelector('[data-scan-progress]');
    if (total) {
      setText(total.querySelector('[data-answered]'), progress.answered);
      setText(total.querySelector('[data-total]'), progress.total);
      setText(total.querySelector('[data-percent]'), progress.percent);
    }
    progress.steps.forEach(function (step) {
      document.querySelectorAll('[data-step="' + step.key + '"]').forEach(function (element) {
        var badge = element.querySelector(':scope > [data-step-state]');
        if (badge) {
          badge.textContent = step.stateLabel;
          badge.className = 'utrecht-status-badge utrecht-status-badge--' + BADGES[step.state];
        }
        setText(element.querySelector('[data-step-answered]'), step.answered);
        setText(element.querySelector('[data-step-total]'), step.total);
      });
    });
  }

  // What was typed but is not saved yet, kept per scan in sessionStorage (this tab only): when the session has
  // ended, it survives a reload or a login in this tab, and this page saves it once the user is back.
  var storeKey = 'quickscan.unsaved.' + scanId;
  function unsaved() {
    try { return JSON.parse(window.sessionStorage.getItem(storeKey)) || {}; } catch (e) { return {}; }
  }
  function keep(fieldset, key) {
    var all = unsaved();
    all[key] = { value: valueOf(fieldset, key), comment: commentOf(fieldset, key),
      version: parseInt(versionField(key).value, 10) };
    try { window.sessionStorage.setItem(storeKey, JSON.stringify(all)); } catch (e) { /* storage full or off */ }
  }
  function forget(key) {
    var all = unsaved();
    if (key in all) {
      delete all[key];
      try { window.sessionStorage.setItem(storeKey, JSON.stringify(all)); } catch (e) { /* storage full or off */ }
    }
  }

  // One save at a time per question, each based on the version the previous save returned.
  var queues = {};
  var dirty = {};
  function save(fieldset) {
    var id = fieldset.id;
    queues[id] = (queues[id] || Promise.resolve()).then(function () { return send(fieldset, false); });
  }

  function send(fieldset, renewed) {
    var key = keyOf(fieldset);
    var field = versionField(key);
    var value = valueOf(fieldset, key);
    // notation "nl": a kengetal is read as the person typed it, "230.000" being two hundred thirty thousand.
    var body = JSON.stringify({ value: value, comment: commentOf(fieldset, key), version: parseInt(field.value, 10),
      notation: 'nl' });
    dirty[key] = true;
    show(fieldset, 'Bezig met opslaan…', 'busy');
    return fetch('/api/v1/scans/' + scanId + '/answers/' + encodeURIComponent(key), {
      method: 'PUT', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-CSRF-Token': csrfToken },
      body: body
    }).then(function (response) {
      return response.json().catch(function () { return {}; })
        .then(function (json) { return { status: response.status, json: json }; });
    }).then(function (result) {
      if (result.status === 401 || (result.status === 403 && !renewed)) {
        // Logged out, or logged in again in another tab so that this page's token is old: with a fresh token
        // from the page, send it once more; without one, the user is to log in again.
        return renewed ? sessionEnded(fieldset, key) : renewToken().then(function (loggedIn) {
          return loggedIn ? send(fieldset, true) : sessionEnded(fieldset, key);
        });
      }
      delete dirty[key];
      delete waiting[key];
      forget(key);
      if (result.status === 200) {
        field.value = result.json.version;
        var text = textField(fieldset, key);
        if (text && result.json.value !== null && text.value === value) { text.value = dutch(result.json.value); }
        if (markIncomplete(fieldset, key)) {
          show(fieldset, 'Opgeslagen, maar nog niet compleet: geef een toelichting.', 'warning');
        } else {
          show(fieldset, 'Opgeslagen', 'ok');
        }
        showProgress(result.json.progress);
      } else if (result.status === 409 && 'current' in result.json) {
        showConflict(fieldset, key, result.json);
      } else {
        show(fieldset, 'Niet opgeslagen: ' + (result.json.message || 'onbekende fout'), 'error');
      }
      hideSessionNotice();
    }).catch(function () {
      keep(fieldset, key);
      show(fieldset, 'Niet opgeslagen: geen verbinding. Probeer het opnieuw of gebruik de knop Opslaan.', 'error');
    });
  }

  // The session has ended: say what to do, keep the input, and save it as soon as the user is logged in again.
  var waiting = {};
  var notice = null;
  function loginHref() {
    return '/login?terug=' + encodeURIComponent(window.location.pathname + window.location.search);
  }
  function sessionEnded(fieldset, key) {
    waiting[key] = fieldset;
    keep(fieldset, key);
    show(fieldset, 'Niet opgeslagen: u bent niet meer ingelogd. Uw antwoord blijft hier staan.', 'error');
    if (notice) { return; }
    notice = document.createElement('div');
    notice.className = 'utrecht-alert utrecht-alert--warning session-notice';
    notice.setAttribute('role', 'alert');
    var content = document.createElement('div');
    content.className = 'utrecht-alert__content';
    var first = document.createElement('p');
    first.className = 'utrecht-paragraph';
    first.textContent = 'U bent niet meer ingelogd. Daardoor zijn uw laatste wijzigingen nog niet opgeslagen. '
      + 'Ze gaan niet verloren: ze blijven op deze pagina staan.';
    var second = document.createElement('p');
    second.className = 'utrecht-paragraph';
    var link = document.createElement('a');
    link.className = 'utrecht-link';
    link.href = loginHref();
    link.target = '_blank';
    link.rel = 'noopener';
    link.textContent = 'Log opnieuw in (opent een nieuw tabblad)';
    second.appendChild(link);
    second.appendChild(document.createTextNode(' en kom daarna terug naar dit tabblad. Dan slaan we uw wijzigingen alsnog op.'));
    var retry = document.createElement('button');
    retry.type = 'button';
    retry.className = 'utrecht-button utrecht-button--secondary-action';
    retry.textContent = 'Nu opslaan';
    retry.addEventListener('click', retryWaiting);
    content.appendChild(first);
    content.appendChild(second);
    content.appendChild(retry);
    notice.appendChild(content);
    form.parentNode.insertBefore(notice, form);
  }
  function hideSessionNotice() {
    if (notice && Object.keys(waiting).length === 0) {
      notice.parentNode.removeChild(notice);
      notice = null;
    }
  }

  // A fresh CSRF token from this page, as the server renders it now; false while the user is not logged in.
  function renewToken() {
    return fetch(window.location.pathname + window.location.search, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (response) {
        if (!response.ok || /\/login/.test(new URL(response.url).pathname)) { return false; }
        return response.text().then(function (html) {
          var field = new DOMParser().parseFromString(html, 'text/html').querySelector('input[name=_csrf]');
          if (!field || !field.value) { return false; }
          csrfToken = field.value;
          csrfField.value = field.value;
          return true;
        });
      }).catch(function () { return false; });
  }

  function retryWaiting() {
    var keys = Object.keys(waiting);
    if (keys.length === 0) { return; }
    renewToken().then(function (loggedIn) {
      if (!loggedIn) { return; }
      keys.forEach(function (key) {
        var fieldset = waiting[key];
        delete waiting[key];
        save(fieldset);
      });
    });
  }
  window.addEventListener('focus', retryWaiting);
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible') { retryWaiting(); }
  });

  // Typed text that was not sent yet when the page is left is kept too.
  window.addEventListener('pagehide', function () {
    Object.keys(dirty).forEach(function (key) {
      var fieldset = form.querySelector('fieldset[data-question-key="' + key + '"]');
      if (fieldset) { keep(fieldset, key); }
    });
  });

  // Back on the page after a login: put what was kept into the form and save it, on the version it was based on,
  // so that a colleague's answer in the meantime shows as a conflict rather than being overwritten.
  var kept = unsaved();
  Object.keys(kept).forEach(function (key) {
    var fieldset = form.querySelector('fieldset[data-question-key="' + key + '"]');
    if (!fieldset) { return; }
    var entry = kept[key];
    if (entry.value === valueOf(fieldset, key) && entry.comment === commentOf(fieldset, key)) {
      forget(key);
      return;
    }
    setValue(fieldset, key, entry.value);
    commentField(fieldset, key).value = entry.comment === null ? '' : entry.comment;
    versionField(key).value = entry.version;
    save(fieldset);
  });

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
    (fieldset.querySelector('input[type=radio]:checked, input[type=checkbox]:checked')
      || fieldset.querySelector('input[type=text], input[type=radio], input[type=checkbox]')
      || commentField(fieldset, key)).focus();
  });

  form.addEventListener('change', function (event) {
    var fieldset = event.target.closest('fieldset.question');
    if (fieldset) { clearTimeout(timers[fieldset.id]); changed(fieldset); }
  });
  form.addEventListener('input', function (event) {
    var fieldset = event.target.closest('fieldset.question');
    if (fieldset && event.target.tagName === 'TEXTAREA') {
      dirty[keyOf(fieldset)] = true;
      clearTimeout(timers[fieldset.id]);
      timers[fieldset.id] = setTimeout(function () { changed(fieldset); }, 1500);
    }
  });
})();
