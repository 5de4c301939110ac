// 监督一点通 page script: the photo picker and geolocation of 随手拍, upload progress, ECharts on the dashboard. No inline script (CSP).
(function () {
  'use strict';

  // ---- 随手拍 photo picker -------------------------------------------------------------------------------------
  // One file input (camera or album). With script: every chosen photo is shrunk in the browser (canvas, long edge
  // data-long-edge px, JPEG data-quality) so a 23 MB phone photo never travels in full, shown as a thumbnail with a
  // remove button, and the input's files are replaced by the shrunk ones (DataTransfer), so the form posts exactly
  // what the thumbnails show. A file that does not decode as an image is sent as it is: the server's content check
  // answers for it. Without script the plain input posts the originals.

  /** Photos carried over when the server shows the form again (a refusal keeps the text and, here, the photos). */
  var carried = null;

  function decode(file) {
    if (window.createImageBitmap) {
      return window.createImageBitmap(file, {imageOrientation: 'from-image'}).catch(function () {
        return decodeWithImage(file);
      });
    }
    return decodeWithImage(file);
  }

  function decodeWithImage(file) {
    return new Promise(function (resolve, reject) {
      var url = URL.createObjectURL(file);
      var img = new Image();
      img.onload = function () { URL.revokeObjectURL(url); resolve(img); };
      img.onerror = function () { URL.revokeObjectURL(url); reject(new Error('not an image')); };
      img.src = url;
    });
  }

  function shrink(file, longEdge, quality) {
    return decode(file).then(function (img) {
      var w = img.width;
      var h = img.height;
      var scale = Math.min(1, longEdge / Math.max(w, h));
      var canvas = document.createElement('canvas');
      canvas.width = Math.max(1, Math.round(w * scale));
      canvas.height = Math.max(1, Math.round(h * scale));
      var ctx = canvas.getContext('2d');
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      if (img.close) { img.close(); }
      return new Promise(function (resolve) {
        canvas.toBlob(function (blob) {
          // keep the original only when it is already within the edge and smaller than its re-encoding
          if (!blob || (scale === 1 && blob.size >= file.size)) {
            resolve(file);
            return;
          }
          var name = (file.name || 'photo').replace(/\.[^.]*$/, '') + '.jpg';
          resolve(new File([blob], name, {type: 'image/jpeg', lastModified: file.lastModified || Date.now()}));
        }, 'image/jpeg', quality);
      });
    }, function () { return file; });
  }

  function format(template, value) {
    return (template || '').replace('{0}', value);
  }

  function photoPicker(input) {
    if (!input || typeof window.DataTransfer !== 'function') {
      return;
    }
    var form = input.form;
    var max = parseInt(input.getAttribute('data-max') || '9', 10);
    var longEdge = parseInt(input.getAttribute('data-long-edge') || '2048', 10);
    var quality = parseFloat(input.getAttribute('data-quality') || '0.85');
    var field = input.parentElement;
    var thumbs = field.querySelector('.jd-thumbs');
    var warning = field.querySelector('.jd-photos-too-many');
    var preparing = field.querySelector('.jd-photos-preparing');
    var picked = [];
    var pending = Promise.resolve();
    var waiting = 0;

    function sync() {
      var dt = new DataTransfer();
      picked.forEach(function (p) { dt.items.add(p.file); });
      input.files = dt.files;
      var tooMany = picked.length > max;
      if (warning) { warning.classList.toggle('d-none', !tooMany); }
      input.setCustomValidity(tooMany && warning ? warning.textContent : '');
    }

    function render() {
      if (!thumbs) { return; }
      thumbs.textContent = '';
      picked.forEach(function (p, i) {
        var li = document.createElement('li');
        li.className = 'jd-thumb position-relative';
        li.setAttribute('data-testid', 'photo-thumb');
        if (p.url) {
          var img = document.createElement('img');
          img.src = p.url;
          img.alt = p.file.name;
          img.className = 'rounded border';
          img.width = 88;
          img.height = 88;
          li.appendChild(img);
        } else {
          var label = document.createElement('span');
          label.className = 'd-inline-block small border rounded p-2 text-break';
          label.textContent = p.file.name;
          li.appendChild(label);
        }
        var remove = document.createElement('button');
        remove.type = 'button';
        remove.className = 'btn btn-sm btn-dark jd-thumb-remove';
        remove.setAttribute('aria-label', format(input.getAttribute('data-remove-label'), i + 1));
        remove.setAttribute('data-testid', 'photo-remove');
        remove.textContent = '×';
        remove.addEventListener('click', function () {
          var gone = picked.splice(picked.indexOf(p), 1)[0];
          if (gone && gone.url) { URL.revokeObjectURL(gone.url); }
          sync();
          render();
          input.focus();
        });
        li.appendChild(remove);
        thumbs.appendChild(li);
      });
    }

    function add(files) {
      waiting += files.length;
      if (preparing) { preparing.classList.remove('d-none'); }
      var work = Promise.all(files.map(function (f) { return shrink(f, longEdge, quality); }));
      pending = pending.then(function () { return work; }).then(function (shrunk) {
        shrunk.forEach(function (f) {
          picked.push({file: f, url: /^image\//.test(f.type) && f !== null ? URL.createObjectURL(f) : null});
        });
        waiting -= files.length;
        if (preparing && waiting === 0) { preparing.classList.add('d-none'); }
        sync();
        render();
      });
      // until the shrunk copies are in, the input holds the new originals: keep it at what is already picked
      sync();
    }

    input.addEventListener('change', function () {
      var chosen = Array.prototype.slice.call(input.files || []);
      if (chosen.length) { add(chosen); }
    });
    if (carried && carried.id === input.id && carried.photos.length) {
      picked = carried.photos;
      carried = null;
      sync();
      render();
    }
    form.jdPhotos = {
      ready: function () { return pending; },
      carry: function () { carried = {id: input.id, photos: picked.slice()}; }
    };
  }

  // ---- submitting with an upload progress bar --------------------------------------------------------------------
  // A form with a photo picker posts by XMLHttpRequest so the bar can show the upload; app.js has already given the
  // attempt its Idempotency-Key field and will disable the buttons. The answer replaces the page as a navigation
  // would: the report's page (URL included), or the form again with what was typed, the errors and the photos.

  /** The form's URL: form.action would be its field named action, where there is one (the detail's forms). */
  function target(form) {
    return form.getAttribute('action') || window.location.href;
  }

  function swapIn(xhr, form) {
    var doc = new DOMParser().parseFromString(xhr.responseText, 'text/html');
    var token = doc.querySelector('meta[name="csrf-token"]');
    var mine = document.querySelector('meta[name="csrf-token"]');
    if (token && mine) { mine.content = token.content; }
    document.title = doc.title;
    var path = new URL(xhr.responseURL || target(form), window.location.href);
    var posted = new URL(target(form), window.location.href);
    if (path.pathname !== posted.pathname) {
      window.history.replaceState(null, '', path.href);
    } else if (form.jdPhotos) {
      form.jdPhotos.carry();
    }
    document.body.replaceWith(document.importNode(doc.body, true));
    if (window.htmx) { window.htmx.process(document.body); }
    window.scrollTo(0, 0);
    init();
    var first = document.querySelector('.is-invalid, [data-testid=problem-notice], h1');
    if (first && first.focus) {
      if (!first.hasAttribute('tabindex') && !/INPUT|SELECT|TEXTAREA/.test(first.tagName)) {
        first.setAttribute('tabindex', '-1');
      }
      first.focus({preventScroll: true});
    }
  }

  function release(form, message) {
    delete form.dataset.inFlight;
    form.removeAttribute('aria-busy');
    form.classList.remove('jd-busy');
    form.querySelectorAll('button').forEach(function (b) {
      b.disabled = false;
      var s = b.querySelector('.jd-busy-spinner');
      if (s) { s.remove(); }
    });
    var region = document.getElementById('jd-alerts');
    if (region && message) {
      var box = document.createElement('div');
      box.className = 'alert alert-danger shadow';
      box.setAttribute('role', 'alert');
      box.setAttribute('data-testid', 'upload-error');
      box.textContent = message;
      region.appendChild(box);
    }
  }

  function progress(form, fraction) {
    var bar = form.querySelector('[data-testid=upload-progress]');
    if (!bar) { return; }
    var pct = Math.round(fraction * 100);
    bar.classList.remove('d-none');
    bar.setAttribute('aria-valuenow', String(pct));
    var inner = bar.querySelector('.progress-bar');
    inner.style.width = pct + '%';
    inner.textContent = pct + '%';
  }

  function send(form) {
    var xhr = new XMLHttpRequest();
    xhr.open('POST', target(form));
    xhr.setRequestHeader('Accept', 'text/html');
    xhr.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) { progress(form, e.loaded / e.total); }
    });
    xhr.addEventListener('load', function () {
      progress(form, 1);
      var type = xhr.getResponseHeader('Content-Type') || '';
      if (type.indexOf('text/html') === 0) {
        swapIn(xhr, form);
        return;
      }
      var text = '';
      try { text = JSON.parse(xhr.responseText).detail || ''; } catch (e) { text = ''; }
      release(form, text || (xhr.status + ' ' + xhr.statusText));
      // an answer came: the next tap is a new attempt
      var key = form.querySelector('input[name="_idempotency"]');
      if (key) { key.remove(); }
    });
    xhr.addEventListener('error', function () {
      // no answer: keep the key, a retry is the same attempt
      var region = document.getElementById('jd-alerts');
      release(form, region && region.dataset.offline ? region.dataset.offline : 'Network error');
    });
    xhr.send(new FormData(form));
  }

  // registered after app.js's own submit listener (scripts run in document order): the key field is in by now
  document.addEventListener('submit', function (evt) {
    var form = evt.target;
    if (evt.defaultPrevented || !form.jdPhotos || typeof window.FormData !== 'function') {
      return;
    }
    evt.preventDefault();
    form.jdPhotos.ready().then(function () { send(form); });
  });

  function geolocation() {
    var box = document.getElementById('p-geo');
    if (!box || !navigator.geolocation) {
      return;
    }
    box.classList.remove('d-none');
    var consent = document.getElementById('p-geo-consent');
    var status = document.getElementById('p-geo-status');
    var lat = document.getElementById('p-lat');
    var lng = document.getElementById('p-lng');
    var acc = document.getElementById('p-acc');
    function clear() {
      lat.value = '';
      lng.value = '';
      acc.value = '';
    }
    if (lat.value && lng.value) {
      consent.checked = true;
      status.textContent = format(box.getAttribute('data-got'), Math.round(parseFloat(acc.value || '0')));
    }
    consent.addEventListener('change', function () {
      clear();
      status.textContent = '';
      if (!consent.checked) { return; }
      status.textContent = box.getAttribute('data-locating');
      navigator.geolocation.getCurrentPosition(function (pos) {
        if (!consent.checked) { return; }
        lat.value = pos.coords.latitude.toFixed(6);
        lng.value = pos.coords.longitude.toFixed(6);
        acc.value = Math.round(pos.coords.accuracy || 0);
        status.textContent = format(box.getAttribute('data-got'), acc.value);
      }, function () {
        consent.checked = false;
        clear();
        status.textContent = box.getAttribute('data-failed');
      }, {enableHighAccuracy: true, timeout: 20000, maximumAge: 60000});
    });
  }

  /** Widest label in px at font size 10: a Chinese character about 10 px, a Latin letter or digit about 6. */
  function labelWidth(names) {
    return names.reduce(function (widest, name) {
      var w = 0;
      for (var i = 0; i < name.length; i++) {
        w += name.charCodeAt(i) > 255 ? 10 : 6;
      }
      return Math.max(widest, w);
    }, 0);
  }

  function bar(el, names, series) {
    var chart = window.echarts.init(el);
    chart.setOption({
      tooltip: {trigger: 'axis'},
      legend: {top: 0},
      grid: {left: 40, right: 10, top: 30, bottom: 60},
      // every bar keeps its name (ECharts would drop every other label on a phone), slanted when they would overlap
      xAxis: {type: 'category', data: names,
        axisLabel: {interval: 0, rotate: labelWidth(names) > (el.clientWidth - 50) / Math.max(names.length, 1) ? 40 : 0,
          fontSize: 10}},
      yAxis: {type: 'value', minInterval: 1},
      series: series
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function dashboard() {
    var root = document.getElementById('jd-dashboard');
    if (!root || !window.echarts) {
      return;
    }
    var reported = root.getAttribute('data-label-reported');
    var resolved = root.getAttribute('data-label-resolved');
    fetch(root.getAttribute('data-url'), {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (r) { return r.json(); })
      .then(function (s) {
        [['chart-month', s.byMonth], ['chart-category', s.byCategory], ['chart-unit', s.byOrgUnit]]
          .forEach(function (pair) {
            var el = document.getElementById(pair[0]);
            var rows = pair[1] || [];
            bar(el, rows.map(function (b) { return b.name; }), [
              {name: reported, type: 'bar', data: rows.map(function (b) { return b.reported; })},
              {name: resolved, type: 'bar', data: rows.map(function (b) { return b.resolved; })}
            ]);
          });
      });
  }

  /** 不满意 needs a reason: the comment becomes required when it is chosen (the server refuses it without one). */
  function ratingReason() {
    var form = document.getElementById('rate-form');
    if (!form) {
      return;
    }
    var comment = document.getElementById('rate-comment');
    function sync() {
      var chosen = form.querySelector('input[name=rating]:checked');
      comment.required = !!chosen && chosen.value === 'DISSATISFIED';
    }
    form.addEventListener('change', sync);
    sync();
  }

  function init() {
    document.querySelectorAll('input[type=file][data-photo-picker]').forEach(photoPicker);
    geolocation();
    ratingReason();
    dashboard();
  }

  document.addEventListener('DOMContentLoaded', init);
})();
