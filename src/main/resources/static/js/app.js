// Jiandu page script. No inline script anywhere (CSP script-src 'self').
(function () {
  'use strict';

  // One Idempotency-Key per submission attempt: a double tap or a retry of the same form sends the same key, so
  // the server files it once (the second request gets the first one's answer). crypto.getRandomValues also works
  // on plain http, where crypto.randomUUID is missing.
  function newKey() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join('');
  }

  function buttonsOf(el) {
    if (!el) { return []; }
    if (el.matches && el.matches('button, input[type=submit]')) { return [el]; }
    var list = Array.prototype.slice.call(el.querySelectorAll ? el.querySelectorAll('button[type=submit], button:not([type]), input[type=submit]') : []);
    if (el.id) {
      list = list.concat(Array.prototype.slice.call(document.querySelectorAll('button[form="' + el.id + '"]')));
    }
    return list;
  }

  function busy(el, submitter) {
    el.setAttribute('aria-busy', 'true');
    el.classList.add('jd-busy');
    buttonsOf(el).forEach(function (b) {
      b.disabled = true;
      if (b === submitter && b.tagName === 'BUTTON' && !b.querySelector('.spinner-border')) {
        var s = document.createElement('span');
        s.className = 'spinner-border spinner-border-sm me-1 jd-busy-spinner';
        s.setAttribute('aria-hidden', 'true');
        b.insertBefore(s, b.firstChild);
      }
    });
  }

  function idle(el) {
    el.removeAttribute('aria-busy');
    el.classList.remove('jd-busy');
    delete el.dataset.inFlight;
    buttonsOf(el).forEach(function (b) {
      b.disabled = false;
      var s = b.querySelector('.jd-busy-spinner');
      if (s) { s.remove(); }
    });
  }

  // Send the CSRF token and an Idempotency-Key with every htmx request that changes something.
  document.addEventListener('htmx:configRequest', function (evt) {
    var token = document.querySelector('meta[name="csrf-token"]');
    var header = document.querySelector('meta[name="csrf-header"]');
    if (token && header) {
      evt.detail.headers[header.content] = token.content;
    }
    if (evt.detail.verb && evt.detail.verb.toLowerCase() === 'post') {
      var elt = evt.detail.elt;
      if (!elt.dataset.idempotencyKey) {
        elt.dataset.idempotencyKey = newKey();
      }
      evt.detail.headers['Idempotency-Key'] = elt.dataset.idempotencyKey;
    }
  });
  document.addEventListener('htmx:beforeRequest', function (evt) {
    var elt = evt.detail.elt;
    if (elt.dataset.idempotencyKey) {
      busy(elt.closest('form') || elt, elt);
    }
  });
  document.addEventListener('htmx:afterRequest', function (evt) {
    var elt = evt.detail.elt;
    var target = elt.closest('form') || elt;
    idle(target);
    // an answer came: that attempt is over, the next tap is a new one; without an answer (network) keep the key
    if (evt.detail.xhr && evt.detail.xhr.status) {
      delete elt.dataset.idempotencyKey;
    }
  });

  // A refused htmx request (4xx/5xx) is not swapped in: say why, in the page's live region, instead of nothing.
  document.addEventListener('htmx:responseError', function (evt) {
    var xhr = evt.detail.xhr;
    var text = '';
    try {
      var doc = new DOMParser().parseFromString(xhr.responseText || '', 'text/html');
      var el = doc.querySelector('.jd-error span, .jd-error, [role=alert], main');
      text = el ? el.textContent.trim() : '';
    } catch (e) { text = ''; }
    showAlert(text || (xhr.status + ' ' + (xhr.statusText || '')));
  });
  document.addEventListener('htmx:sendError', function () {
    var region = document.getElementById('jd-alerts');
    showAlert(region && region.dataset.offline ? region.dataset.offline : 'Network error');
  });

  function showAlert(text) {
    var region = document.getElementById('jd-alerts');
    if (!region) { return; }
    var box = document.createElement('div');
    box.className = 'alert alert-danger alert-dismissible shadow';
    box.setAttribute('role', 'alert');
    box.setAttribute('data-testid', 'htmx-error');
    var span = document.createElement('span');
    span.textContent = text;
    box.appendChild(span);
    var close = document.createElement('button');
    close.type = 'button';
    close.className = 'btn-close';
    close.setAttribute('data-bs-dismiss', 'alert');
    close.setAttribute('aria-label', region.dataset.close || 'Close');
    box.appendChild(close);
    region.appendChild(box);
  }

  // Elements with data-confirm ask before submitting (works for plain forms too).
  document.addEventListener('submit', function (evt) {
    var msg = evt.target.getAttribute && evt.target.getAttribute('data-confirm');
    if (msg && !window.confirm(msg)) {
      evt.preventDefault();
    }
  }, true);

  // A plain POST form: one key for this page's submission, and no second submission while the first is under way.
  document.addEventListener('submit', function (evt) {
    var form = evt.target;
    if (evt.defaultPrevented || !form.tagName || form.tagName !== 'FORM'
        || (form.getAttribute('method') || 'get').toLowerCase() !== 'post') {
      return;
    }
    if (form.dataset.inFlight) {
      evt.preventDefault();
      return;
    }
    form.dataset.inFlight = '1';
    var field = form.querySelector('input[name="_idempotency"]');
    if (!field) {
      field = document.createElement('input');
      field.type = 'hidden';
      field.name = '_idempotency';
      field.value = newKey();
      form.appendChild(field);
    }
    var submitter = evt.submitter;
    // after this event the browser collects the fields: a button disabled now would lose its name=value
    window.setTimeout(function () { busy(form, submitter); }, 0);
  });

  // Back to a page from the browser's cache: its forms are new attempts again.
  window.addEventListener('pageshow', function (evt) {
    if (!evt.persisted) { return; }
    document.querySelectorAll('form').forEach(function (form) {
      idle(form);
      var field = form.querySelector('input[name="_idempotency"]');
      if (field) { field.remove(); }
    });
  });
})();
