// lexflow: small enhancements on top of pages that work without JavaScript.
// The builder re-evaluates as facts change; share links get a copy button.
'use strict';

function addCopyButtons(root) {
  root.querySelectorAll('input[data-copy]').forEach(function (input) {
    if (input.dataset.copyReady) return;
    input.dataset.copyReady = '1';
    // The server writes a relative link unless an origin is configured: show and copy it in full.
    if (input.value.charAt(0) === '/') input.value = new URL(input.value, window.location.href).href;
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'secondary copy-button';
    button.textContent = 'Copy link';
    button.addEventListener('click', function () {
      var done = function () { button.textContent = 'Copied'; setTimeout(function () { button.textContent = 'Copy link'; }, 1500); };
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(input.value).then(done, function () { input.select(); });
      else { input.select(); }
    });
    input.addEventListener('focus', function () { input.select(); });
    input.insertAdjacentElement('afterend', button);
  });
}

function setupBuilder(form) {
  var results = document.getElementById('builder-results');
  var status = document.getElementById('builder-status');
  var timer = null;
  var seq = 0;

  function say(text, isError) {
    status.textContent = text;
    status.classList.toggle('error', !!isError);
  }

  function update() {
    var mine = ++seq;
    var body = new URLSearchParams(new FormData(form));
    body.set('action', 'update');
    say('Re-evaluating…');
    form.setAttribute('aria-busy', 'true');
    fetch(form.getAttribute('action'), { method: 'POST', body: body, headers: { Accept: 'application/json' } })
      .then(function (res) { return res.json().then(function (data) { return { ok: res.ok, data: data }; }); })
      .then(function (r) {
        if (mine !== seq) return;
        form.removeAttribute('aria-busy');
        if (!r.ok) { say(r.data && r.data.error ? r.data.error.message : 'The scenario could not be evaluated.', true); return; }
        form.elements.namedItem('s').value = r.data.s;
        results.innerHTML = r.data.html;
        addCopyButtons(results);
        history.replaceState(null, '', r.data.url);
        say('Verdicts updated.');
      })
      .catch(function () { form.removeAttribute('aria-busy'); say('The server could not be reached; use the Evaluate button.', true); });
  }

  form.addEventListener('change', function (event) {
    var target = event.target;
    if (!target || !target.name) return;
    // Changing the view (date, territory, jurisdictions) reshapes the form itself: reload.
    if (target.closest('.view-options')) { form.requestSubmit(form.querySelector('button[value="update"]')); return; }
    if (target.type === 'checkbox' && target.closest('.set')) {
      // Ticking a member states the set: exactly as ticked, unless "others unknown" is chosen;
      // ticking a known non-member only makes sense with the others unknown.
      var set = target.closest('.set');
      var open = set.querySelector('input[type=radio][value=open]');
      var known = set.querySelector('input[type=radio][value=known]');
      if (target.checked && target.name.indexOf('n:') === 0 && open) open.checked = true;
      else if (target.checked && known && !(open && open.checked)) known.checked = true;
    }
    if (target.type === 'radio' && target.value === 'unknown' && target.closest('.set')) {
      target.closest('.set').querySelectorAll('input[type=checkbox]').forEach(function (box) { box.checked = false; });
    }
    clearTimeout(timer);
    timer = setTimeout(update, 150);
  });
}

document.addEventListener('DOMContentLoaded', function () {
  addCopyButtons(document);
  var form = document.getElementById('builder-form');
  if (form) setupBuilder(form);
});
