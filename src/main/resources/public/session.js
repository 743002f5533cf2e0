// The warning before a browser session ends (README, "Sessies"): five minutes before the end a dialog says when the
// session ends, with "Blijf ingelogd", which renews the same session (POST /api/v1/me/session/extend, with the
// page's CSRF token, which stays valid). Before it warns, it asks the server when the session ends now: another tab
// may have renewed it meanwhile. Without JavaScript nothing is shown; the session ends as before.
(function () {
  'use strict';
  var script = document.currentScript;
  var main = document.getElementById('inhoud');
  var csrfField = document.querySelector('form[action="/logout"] input[name=_csrf]');
  var secondsLeft = parseInt(script && script.getAttribute('data-seconds-left'), 10);
  if (!main || !csrfField || !(secondsLeft > 0)) { return; }
  var WARN_SECONDS = 300;
  var deadline = Date.now() + secondsLeft * 1000;
  var warnAt = deadline - WARN_SECONDS * 1000;
  var dialog = null;
  var returnFocus = null;
  var checking = false;
  // Closed without renewing: not shown again for this end of the session.
  var dismissed = false;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function build() {
    dialog = element('div', 'session-warning');
    dialog.setAttribute('role', 'alertdialog');
    dialog.setAttribute('aria-labelledby', 'session-warning-title');
    dialog.setAttribute('aria-describedby', 'session-warning-text');
    dialog.hidden = true;
    var title = element('h2', 'utrecht-heading-3', 'Uw sessie eindigt bijna');
    title.id = 'session-warning-title';
    var text = element('p', 'utrecht-paragraph');
    text.id = 'session-warning-text';
    var actions = element('div', 'session-warning__actions');
    var stay = element('button', 'utrecht-button utrecht-button--primary-action', 'Blijf ingelogd');
    stay.type = 'button';
    stay.setAttribute('data-session-extend', '');
    stay.addEventListener('click', extend);
    var close = element('button', 'utrecht-button utrecht-button--secondary-action', 'Sluiten');
    close.type = 'button';
    close.addEventListener('click', dismiss);
    actions.appendChild(stay);
    actions.appendChild(close);
    dialog.appendChild(title);
    dialog.appendChild(text);
    dialog.appendChild(actions);
    dialog.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') { dismiss(); }
    });
    main.appendChild(dialog);
  }

  function part(selector) { return dialog.querySelector(selector); }

  function show(state) {
    if (!dialog) { build(); }
    var stay = part('[data-session-extend]');
    part('#session-warning-title').textContent = 'Uw sessie eindigt bijna';
    part('#session-warning-text').textContent = state.extendable
      ? 'U wordt om ' + state.endsAtTime + ' uur uitgelogd. Wilt u ingelogd blijven? Uw antwoorden worden intussen gewoon opgeslagen.'
      : 'U wordt om ' + state.endsAtTime + ' uur uitgelogd. Langer ingelogd blijven kan niet meer: log daarna opnieuw in.';
    stay.hidden = !state.extendable;
    if (dialog.hidden) {
      returnFocus = document.activeElement;
      dialog.hidden = false;
      (state.extendable ? stay : part('button:not([hidden])')).focus();
    }
  }

  function dismiss() {
    dismissed = true;
    hide();
  }

  function hide() {
    if (!dialog || dialog.hidden) { return; }
    dialog.hidden = true;
    if (returnFocus && document.contains(returnFocus)) { returnFocus.focus(); }
  }

  // The same message place says it once more, briefly, as a status: "U blijft ingelogd tot 14:05 uur."
  function confirm(state) {
    var status = element('p', 'session-warning session-warning--confirmed utrecht-paragraph',
      'U blijft ingelogd tot ' + state.endsAtTime + ' uur.');
    status.setAttribute('role', 'status');
    status.setAttribute('data-session-confirmed', '');
    main.appendChild(status);
    window.setTimeout(function () { status.parentNode && status.parentNode.removeChild(status); }, 8000);
  }

  function ended() {
    if (!dialog) { build(); }
    part('#session-warning-title').textContent = 'Uw sessie is beëindigd';
    part('#session-warning-text').textContent = 'U bent niet meer ingelogd. Log opnieuw in om verder te gaan.';
    part('[data-session-extend]').hidden = true;
    if (dialog.hidden) {
      returnFocus = document.activeElement;
      dialog.hidden = false;
      part('button:not([hidden])').focus();
    }
  }

  // The session's state as the server knows it now; null when it has ended.
  function request(method) {
    var headers = { 'Accept': 'application/json' };
    if (method === 'POST') {
      headers['Content-Type'] = 'application/json';
      headers['X-CSRF-Token'] = csrfField.value;
    }
    return fetch('/api/v1/me/session' + (method === 'POST' ? '/extend' : ''), {
      method: method, credentials: 'same-origin', headers: headers, body: method === 'POST' ? '{}' : undefined
    }).then(function (response) {
      return response.ok ? response.json() : null;
    }).catch(function () { return undefined; });
  }

  // Follows the server's answer; after a renewal the next warning comes at most halfway through what is left.
  function follow(state, renewed) {
    deadline = Date.now() + state.secondsLeft * 1000;
    var lead = renewed ? Math.min(WARN_SECONDS, state.secondsLeft / 2) : WARN_SECONDS;
    warnAt = deadline - lead * 1000;
  }

  function extend() {
    request('POST').then(function (state) {
      if (state === undefined) {
        part('#session-warning-text').textContent = 'Dat lukte niet: er is geen verbinding. Probeer het zo opnieuw.';
        return;
      }
      if (state === null) { ended(); return; }
      follow(state, true);
      dismissed = false;
      hide();
      confirm(state);
    });
  }

  // From the warning on, the state is asked every 15 seconds: the dialog goes when another tab renewed the session,
  // and says so when the session has ended.
  function tick() {
    if (checking || Date.now() < warnAt) { return; }
    checking = true;
    request('GET').then(function (state) {
      checking = false;
      if (state === undefined) { return; }
      if (state === null || state.secondsLeft <= 0) { ended(); warnAt = Infinity; return; }
      if (state.secondsLeft > WARN_SECONDS) {
        follow(state, false);
        dismissed = false;
        hide();
        return;
      }
      deadline = Date.now() + state.secondsLeft * 1000;
      warnAt = Date.now() + 15000;
      if (!dismissed) { show(state); }
    });
  }

  window.setInterval(tick, 5000);
  tick();
}());
