// 监督一点通 page script: photo count check on the report form, ECharts on the dashboard. No inline script (CSP).
(function () {
  'use strict';

  function photoLimit() {
    var album = document.getElementById('p-photos');
    if (!album) {
      return;
    }
    var camera = document.getElementById('p-camera');
    var warning = document.getElementById('p-photos-too-many');
    var max = parseInt(album.getAttribute('data-max') || '9', 10);
    function check() {
      var n = album.files.length + (camera ? camera.files.length : 0);
      var tooMany = n > max;
      warning.classList.toggle('d-none', !tooMany);
      album.setCustomValidity(tooMany ? warning.textContent : '');
    }
    album.addEventListener('change', check);
    if (camera) {
      camera.addEventListener('change', check);
    }
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

  /**
   * Phone photos are 5-25 MB; on weak 4G they must not travel in full. Before the report form is sent, every JPEG or
   * PNG larger than the form's data-resize-bytes is redrawn at most data-resize-px on its long side as a JPEG (the
   * server re-encodes anyway and strips the metadata), and put back into the file inputs.
   */
  function resizeBeforeSubmit() {
    var form = document.getElementById('p-form');
    if (!form || !window.DataTransfer || !window.createImageBitmap) {
      return;
    }
    var maxPx = parseInt(form.getAttribute('data-resize-px') || '2560', 10);
    var maxBytes = parseInt(form.getAttribute('data-resize-bytes') || '1500000', 10);
    var ready = false;
    var working = false;
    function shrink(file) {
      if (!/^image\/(jpeg|png|webp)$/.test(file.type) || file.size <= maxBytes) {
        return Promise.resolve(file);
      }
      return createImageBitmap(file).then(function (bitmap) {
        var f = Math.min(1, maxPx / Math.max(bitmap.width, bitmap.height));
        var canvas = document.createElement('canvas');
        canvas.width = Math.round(bitmap.width * f);
        canvas.height = Math.round(bitmap.height * f);
        canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
        return new Promise(function (resolve) {
          canvas.toBlob(function (blob) {
            resolve(blob && blob.size < file.size
              ? new File([blob], file.name.replace(/\.[^.]+$/, '') + '.jpg', {type: 'image/jpeg'}) : file);
          }, 'image/jpeg', 0.85);
        });
      }).catch(function () { return file; });
    }
    form.addEventListener('submit', function (evt) {
      if (ready) {
        return;
      }
      evt.preventDefault();
      if (working) {
        return;
      }
      working = true;
      var status = document.getElementById('p-resizing');
      if (status) { status.classList.remove('d-none'); }
      var inputs = Array.prototype.slice.call(form.querySelectorAll('input[type=file]'));
      Promise.all(inputs.map(function (input) {
        return Promise.all(Array.prototype.map.call(input.files, shrink)).then(function (files) {
          var dt = new DataTransfer();
          files.forEach(function (f) { dt.items.add(f); });
          input.files = dt.files;
        });
      })).then(function () {
        ready = true;
        form.requestSubmit(evt.submitter || undefined);
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

  document.addEventListener('DOMContentLoaded', function () {
    photoLimit();
    ratingReason();
    resizeBeforeSubmit();
    dashboard();
  });
})();
