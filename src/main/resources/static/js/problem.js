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
    dashboard();
  });
})();
