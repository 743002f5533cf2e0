// Saves each answer as soon as it changes, through the same API that scripts use. Without JavaScript the page's
// "Opslaan" buttons do the same work; with it, the buttons still work as a fallback.
(function () {
  'use strict';
  var form = document.querySelector('form.scan-form[data-scan-id]');
  if (!form) { return; }
  var scanId = form.getAttribute('data-scan-id');
  var csrfField = form.querySelector('input[name=_csrf]');
  var csrfToken = csrfField.value;

  // The status is a live region: it is only written when its text changes, so that typing is not announced.
  function show(fieldset, text, kind) {
    var status = fieldset.querySelector('.question__status');
    if (status.textContent !== text) { status.textContent = text; }
    status.className = 'question__status question__status--' + kind;
    return status;
  }

  // The time of a save as the status says it: "14:05", on the browser's clock.
  function timeOf(date) {
    function two(number) { return (number < 10 ? '0' : '') + number; }
    return two(date.getHours()) + ':' + two(date.getMinutes());
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

  // One save at a time per question, each based on the version the previous save returned: the value and the
  // version are read when the save is sent, not when it was asked for, so a later change is never sent on an old one.
  var queues = {};
  var dirty = {};
  var saving = 0; // saves asked for and not yet answered, on all questions
  function save(fieldset) {
    var id = fieldset.id;
    saving++;
    function done() { saving--; }
    queues[id] = (queues[id] || Promise.resolve()).then(function () { return send(fieldset, false); })
      .then(done, done);
  }

  // Changes not sent yet, per question (fieldset id): a choice waits a moment for the next one (the arrow keys pass
  // every option of a statement on the way), a toelichting until the typing pauses, a kengetal until it is left.
  var CHOICE_DELAY = 600;
  var TYPING_DELAY = 1500;
  var timers = {};
  var unsent = {};
  function wait(fieldset, kind, delay) {
    clearTimeout(timers[fieldset.id]);
    delete timers[fieldset.id];
    unsent[fieldset.id] = { fieldset: fieldset, kind: kind };
    dirty[keyOf(fieldset)] = true;
    if (delay) { timers[fieldset.id] = setTimeout(function () { flush(fieldset); }, delay); }
  }
  function drop(fieldset) {
    clearTimeout(timers[fieldset.id]);
    delete timers[fieldset.id];
    delete unsent[fieldset.id];
  }
  // Sends what waits for this question now.
  function flush(fieldset) {
    if (!(fieldset.id in unsent)) { return; }
    drop(fieldset);
    changed(fieldset);
  }
  function flushAll() {
    Object.keys(unsent).forEach(function (id) { flush(unsent[id].fieldset); });
  }
  // What the status says while a change waits: a choice is about to be saved, typed text is not saved yet.
  function showUnsent(fieldset) {
    if (unsent[fieldset.id].kind === 'choice') {
      show(fieldset, 'Bezig met opslaan…', 'busy');
    } else {
      show(fieldset, 'Nog niet opgeslagen', 'pending');
    }
  }

  // The last answer a save stored, per question: the same answer on the same version is not sent once more (the
  // toelichting is saved when the typing pauses and again when it is left).
  var stored = {};
  var leaving = false; // the page is hidden or left: a save goes on after it is gone

  function send(fieldset, renewed) {
    var key = keyOf(fieldset);
    var field = versionField(key);
    var value = valueOf(fieldset, key);
    var comment = commentOf(fieldset, key);
    var version = parseInt(field.value, 10);
    var last = stored[key];
    if (last && last.version === version && last.value === value && last.comment === comment) {
      if (!(fieldset.id in unsent)) { delete dirty[key]; }
      delete waiting[key];
      forget(key);
      showSaved(fieldset, key, last.at);
      hideSessionNotice();
      return Promise.resolve();
    }
    // notation "nl": a kengetal is read as the person typed it, "230.000" being two hundred thirty thousand.
    var body = JSON.stringify({ value: value, comment: comment, version: version, notation: 'nl' });
    dirty[key] = true;
    show(fieldset, 'Bezig met opslaan…', 'busy');
    return fetch('/api/v1/scans/' + scanId + '/answers/' + encodeURIComponent(key), {
      method: 'PUT', credentials: 'same-origin', keepalive: leaving && body.length < 16000,
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
      if (!(fieldset.id in unsent)) { delete dirty[key]; }
      delete waiting[key];
      forget(key);
      if (result.status === 200) {
        field.value = result.json.version;
        var text = textField(fieldset, key);
        var saved = value;
        if (text && result.json.value !== null && text.value === value) { saved = text.value = dutch(result.json.value); }
        stored[key] = { version: result.json.version, value: saved, comment: comment, at: new Date() };
        if (valueOf(fieldset, key) === saved && commentOf(fieldset, key) === comment) {
          showSaved(fieldset, key, stored[key].at);
        } else if (!(fieldset.id in unsent)) {
          // Changed again while this save was on its way: the next save is already asked for.
          markIncomplete(fieldset, key);
          show(fieldset, 'Bezig met opslaan…', 'busy');
        } else {
          // Changed again and not sent yet (typing goes on): the status says so rather than "Opgeslagen".
          markIncomplete(fieldset, key);
          showUnsent(fieldset);
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

  // "Opgeslagen om 14:05", unless the user changed the answer again meanwhile.
  function showSaved(fieldset, key, at) {
    var incomplete = markIncomplete(fieldset, key);
    if (fieldset.id in unsent) {
      showUnsent(fieldset);
    } else if (incomplete) {
      show(fieldset, 'Opgeslagen om ' + timeOf(at) + ', maar nog niet compleet: geef een toelichting.', 'warning');
    } else {
      show(fieldset, 'Opgeslagen om ' + timeOf(at), 'ok');
    }
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
  // The form is being posted: the post carries every answer on the page, so nothing is sent on its own any more.
  var posting = false;

  window.addEventListener('focus', retryWaiting);
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible') {
      leaving = false;
      retryWaiting();
    } else if (!posting) {
      // Hidden (another tab, the phone's home screen) or being left: what waits is saved now.
      leaving = true;
      flushAll();
    }
  });
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) { posting = false; leaving = false; }
  });

  // Typed text that was not sent yet when the page is left is kept too.
  window.addEventListener('pagehide', function () {
    if (!posting) {
      leaving = true;
      flushAll();
    }
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

  // The buttons of one question, handled here instead of posting the whole page.
  form.addEventListener('click', function (event) {
    var button = event.target.closest('button[data-choice]');
    var fieldset = button && button.closest('fieldset.question');
    if (!fieldset) { return; }
    event.preventDefault();
    drop(fieldset);
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

  // A conflict or an ended session keeps its own message until it is dealt with.
  function mayShowUnsent(fieldset) {
    return !conflictOf(fieldset) && !(keyOf(fieldset) in waiting);
  }

  // A choice is saved a moment after the last change, or at once when the focus leaves the statement's options;
  // a ticked box, a kengetal and a toelichting that is left are saved at once.
  form.addEventListener('change', function (event) {
    var fieldset = event.target.closest('fieldset.question');
    if (!fieldset) { return; }
    if (event.target.type === 'radio') {
      wait(fieldset, 'choice', CHOICE_DELAY);
      if (mayShowUnsent(fieldset)) { showUnsent(fieldset); }
    } else {
      drop(fieldset);
      changed(fieldset);
    }
  });
  form.addEventListener('focusout', function (event) {
    var radio = event.target;
    var next = event.relatedTarget;
    if (radio.type !== 'radio' || (next && next.type === 'radio' && next.name === radio.name)) { return; }
    var fieldset = radio.closest('fieldset.question');
    if (fieldset && fieldset.id in unsent && unsent[fieldset.id].kind === 'choice') { flush(fieldset); }
  });
  // Typing: a toelichting is saved when the typing pauses, a kengetal when it is left; until then the status says
  // that the change is not saved yet (written once, not at every key).
  form.addEventListener('input', function (event) {
    var fieldset = event.target.closest('fieldset.question');
    if (!fieldset) { return; }
    if (event.target.tagName === 'TEXTAREA') {
      wait(fieldset, 'typing', TYPING_DELAY);
    } else if (event.target.type === 'text') {
      wait(fieldset, 'typing', 0);
    } else {
      return;
    }
    if (mayShowUnsent(fieldset)) { showUnsent(fieldset); }
  });

  // "Opslaan", "Opslaan en verder", "Vorige" and Enter post the form, which carries every answer on the page: what
  // waits is not sent on its own. A save already on its way is answered first, so that the post is based on the
  // version it stored (a post on the version before would conflict with the user's own save).
  var released = false;
  form.addEventListener('submit', function (event) {
    posting = true;
    Object.keys(unsent).forEach(function (id) { drop(unsent[id].fieldset); });
    if (released || saving === 0) { return; }
    event.preventDefault();
    var submitter = event.submitter;
    var answered = Promise.all(Object.keys(queues).map(function (id) { return queues[id]; }));
    var late = new Promise(function (resolve) { setTimeout(resolve, 5000); });
    Promise.race([answered, late]).then(function () {
      released = true;
      if (form.requestSubmit) {
        form.requestSubmit(submitter && submitter.form === form ? submitter : undefined);
      } else {
        if (submitter && submitter.name) {
          var action = document.createElement('input');
          action.type = 'hidden';
          action.name = submitter.name;
          action.value = submitter.value;
          form.appendChild(action);
        }
        form.submit();
      }
      released = false;
    });
  });
})();
