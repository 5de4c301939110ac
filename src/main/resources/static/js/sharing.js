// 共享平台: files larger than one request are sent with the tus protocol (/sharing/uploads), in chunks, and resume
// from the server's offset after an interruption (also after a page reload, via localStorage).
(function () {
  'use strict';
  var CHUNK = 8 * 1024 * 1024;

  function csrf(headers) {
    var token = document.querySelector('meta[name="csrf-token"]');
    var header = document.querySelector('meta[name="csrf-header"]');
    if (token && header) {
      headers[header.content] = token.content;
    }
    return headers;
  }

  function b64(s) {
    return btoa(unescape(encodeURIComponent(s)));
  }

  function send(url, method, headers, body) {
    return fetch(url, {method: method, headers: csrf(headers), body: body, credentials: 'same-origin'});
  }

  async function offsetOf(url) {
    var r = await send(url, 'HEAD', {'Tus-Resumable': '1.0.0'});
    return r.ok ? parseInt(r.headers.get('Upload-Offset'), 10) : -1;
  }

  async function upload(form, file, bar) {
    var key = 'jd-tus:' + form.dataset.folder + ':' + file.name + ':' + file.size;
    var url = localStorage.getItem(key);
    var offset = url ? await offsetOf(url) : -1;
    if (offset < 0) {
      var created = await send('/sharing/uploads', 'POST', {
        'Tus-Resumable': '1.0.0', 'Upload-Length': String(file.size),
        'Upload-Metadata': 'filename ' + b64(file.name) + ',folderId ' + b64(form.dataset.folder)
      });
      if (created.status !== 201) {
        throw new Error((await created.json()).detail || created.statusText);
      }
      url = created.headers.get('Location');
      localStorage.setItem(key, url);
      offset = 0;
    }
    var failures = 0;
    var busy = 0;
    while (offset < file.size) {
      try {
        var r = await send(url, 'PATCH', {
          'Tus-Resumable': '1.0.0', 'Upload-Offset': String(offset),
          'Content-Type': 'application/offset+octet-stream'
        }, file.slice(offset, Math.min(offset + CHUNK, file.size)));
        if (r.status === 204) {
          offset = parseInt(r.headers.get('Upload-Offset'), 10);
          failures = 0;
          busy = 0;
        } else if (r.status === 409 || r.status >= 500) {
          offset = await offsetOf(url);
        } else if (r.status === 423 && ++busy <= 60) {
          // another request (an earlier, broken-off one the server has not noticed yet) still writes this upload
          await new Promise(function (res) { setTimeout(res, 3000); });
          offset = await offsetOf(url);
        } else {
          localStorage.removeItem(key);
          throw new Error((await r.json()).detail || r.statusText);
        }
      } catch (e) {
        if (!(e instanceof TypeError) || ++failures > 5) { // TypeError: the network broke off
          throw e;
        }
        await new Promise(function (res) { setTimeout(res, 1000 * failures); });
        offset = await offsetOf(url);
        if (offset < 0) {
          throw e;
        }
      }
      bar.style.width = Math.floor(offset * 100 / file.size) + '%';
    }
    localStorage.removeItem(key);
  }

  document.addEventListener('submit', function (evt) {
    var form = evt.target;
    if (!form.matches || !form.matches('form[data-testid="upload-form"]')) {
      return;
    }
    var input = form.querySelector('input[type="file"]');
    var file = input && input.files[0];
    if (!file || file.size <= parseInt(form.dataset.max, 10)) {
      return; // one ordinary request
    }
    evt.preventDefault();
    var progress = form.querySelector('[data-role="progress"]');
    progress.classList.remove('d-none');
    upload(form, file, progress.firstElementChild).then(function () {
      window.location.reload();
    }, function (e) {
      window.alert(e.message);
    });
  });
})();
