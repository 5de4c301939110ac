// Jiandu page script. No inline script anywhere (CSP script-src 'self').
(function () {
  'use strict';
  // Send the CSRF token with every htmx request.
  document.addEventListener('htmx:configRequest', function (evt) {
    var token = document.querySelector('meta[name="csrf-token"]');
    var header = document.querySelector('meta[name="csrf-header"]');
    if (token && header) {
      evt.detail.headers[header.content] = token.content;
    }
  });
  // Elements with data-confirm ask before submitting (works for plain forms too).
  document.addEventListener('submit', function (evt) {
    var msg = evt.target.getAttribute && evt.target.getAttribute('data-confirm');
    if (msg && !window.confirm(msg)) {
      evt.preventDefault();
    }
  }, true);
})();
