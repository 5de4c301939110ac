// 知识测试: the candidate's page. One question per screen with a question map; the countdown is the server's (the
// phone's clock only measures the time elapsed since the server said what time it is); every answer is kept in
// localStorage until the server has acknowledged it, and saves carry a per-question sequence number so that a retry
// never overwrites a later answer with an earlier one. No inline script (CSP).
(function () {
  'use strict';
  var root = document.getElementById('jd-exam');
  if (!root) {
    return;
  }
  var t = function (name) { return root.getAttribute('data-t-' + name) || name; };
  var el = function (role) { return root.querySelector('[data-role="' + role + '"]'); };
  var csrfToken = document.querySelector('meta[name="csrf-token"]');
  var csrfHeader = document.querySelector('meta[name="csrf-header"]');

  var state = { attempt: null, index: 0, offset: 0, pending: {}, seq: {}, flushing: false, over: false, timer: null };

  function api(method, url, body) {
    var headers = { 'Accept': 'application/json' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (csrfToken && csrfHeader) {
      headers[csrfHeader.content] = csrfToken.content;
    }
    return fetch(url, { method: method, headers: headers, credentials: 'same-origin', keepalive: method !== 'GET',
      body: body === undefined ? undefined : JSON.stringify(body) });
  }

  function showError(text) {
    var box = el('error');
    box.textContent = text;
    box.classList.toggle('d-none', !text);
  }

  function problem(resp) {
    return resp.json().then(function (p) { return p.detail || p.title || String(resp.status); },
      function () { return String(resp.status); });
  }

  // ------------------------------------------------------------ local keeping of unacknowledged answers

  function storeKey() { return 'jd-exam-' + state.attempt.attemptId; }

  function keep() {
    try {
      localStorage.setItem(storeKey(), JSON.stringify(state.pending));
    } catch (e) { /* private mode: the in-memory queue still retries */ }
  }

  function restore() {
    try {
      var raw = localStorage.getItem(storeKey());
      return raw ? JSON.parse(raw) : {};
    } catch (e) {
      return {};
    }
  }

  function syncLabel() {
    var n = Object.keys(state.pending).length;
    el('sync').textContent = n === 0 ? t('saved') : (navigator.onLine === false ? t('offline') : t('pending')) + ' ' + n;
  }

  function flush() {
    if (state.flushing || state.over) {
      return;
    }
    var ids = Object.keys(state.pending);
    if (ids.length === 0) {
      syncLabel();
      return;
    }
    state.flushing = true;
    var qid = ids[0];
    var p = state.pending[qid];
    api('PUT', '/exams/attempts/' + state.attempt.attemptId + '/answers/' + qid, { answer: p.answer, seq: p.seq })
      .then(function (resp) {
        state.flushing = false;
        if (resp.status === 204 || resp.status === 400) {
          // acknowledged (or refused for good: never retried)
          if (state.pending[qid] && state.pending[qid].seq === p.seq) {
            delete state.pending[qid];
          }
          keep();
          if (resp.status === 400) {
            problem(resp).then(showError);
          }
          flush();
        } else if (resp.status === 409 || resp.status === 404) {
          state.over = true;
          problem(resp).then(showError);
          loadResult();
        } else {
          setTimeout(flush, 3000);
        }
        syncLabel();
      }, function () {
        state.flushing = false;
        syncLabel();
        setTimeout(flush, 3000);
      });
  }

  function give(qid, answer) {
    var next = (state.seq[qid] || 0) + 1;
    state.seq[qid] = next;
    state.attempt.answers[qid] = answer;
    state.pending[qid] = { answer: answer, seq: next };
    keep();
    renderMap();
    flush();
  }

  // ------------------------------------------------------------ rendering

  function current() { return state.attempt.questions[state.index]; }

  function renderQuestion() {
    var q = current();
    var given = state.attempt.answers[q.id] || [];
    el('position').textContent = (state.index + 1) + '/' + state.attempt.questions.length;
    el('meta').textContent = t('question') + ' ' + (state.index + 1) + ' · ' + q.points;
    el('stem').textContent = q.stem;
    var box = el('options');
    box.textContent = '';
    if (q.type === 'FILL') {
      var input = document.createElement('input');
      input.className = 'form-control form-control-lg';
      input.placeholder = t('fill');
      input.value = given[0] || '';
      input.setAttribute('data-testid', 'fill');
      var timer = null;
      input.addEventListener('input', function () {
        clearTimeout(timer);
        timer = setTimeout(function () { give(q.id, input.value.trim() ? [input.value] : []); }, 600);
      });
      input.addEventListener('change', function () {
        clearTimeout(timer);
        give(q.id, input.value.trim() ? [input.value] : []);
      });
      box.appendChild(input);
    } else {
      q.options.forEach(function (o) {
        var b = document.createElement('button');
        b.type = 'button';
        var chosen = given.indexOf(o.key) >= 0;
        b.className = 'btn btn-lg text-start ' + (chosen ? 'btn-danger' : 'btn-outline-secondary');
        b.setAttribute('aria-pressed', chosen ? 'true' : 'false');
        b.setAttribute('data-key', o.key);
        var label = q.type === 'TRUE_FALSE' ? (o.key === 'true' ? t('true') : t('false')) : o.text;
        b.textContent = label;
        b.addEventListener('click', function () {
          var now = (state.attempt.answers[q.id] || []).slice();
          if (q.type === 'MULTIPLE') {
            var i = now.indexOf(o.key);
            if (i >= 0) { now.splice(i, 1); } else { now.push(o.key); }
          } else {
            now = [o.key];
          }
          give(q.id, now);
          renderQuestion();
        });
        box.appendChild(b);
      });
    }
    root.querySelector('[data-action="prev"]').disabled = state.index === 0;
    root.querySelector('[data-action="next"]').disabled = state.index === state.attempt.questions.length - 1;
  }

  function renderMap() {
    var map = el('map');
    map.textContent = '';
    state.attempt.questions.forEach(function (q, i) {
      var b = document.createElement('button');
      b.type = 'button';
      var a = state.attempt.answers[q.id];
      var done = a && a.length > 0;
      b.className = 'btn btn-sm ' + (i === state.index ? 'btn-dark' : done ? 'btn-danger' : 'btn-outline-secondary');
      b.textContent = String(i + 1);
      b.setAttribute('data-map', String(i));
      b.addEventListener('click', function () { go(i); });
      map.appendChild(b);
    });
  }

  function go(i) {
    state.index = Math.max(0, Math.min(state.attempt.questions.length - 1, i));
    renderQuestion();
    renderMap();
    window.scrollTo(0, 0);
  }

  function tick() {
    var left = Date.parse(state.attempt.deadline) - (Date.now() + state.offset);
    if (left <= 0) {
      el('timer').textContent = '00:00';
      clearInterval(state.timer);
      if (!state.over) {
        showError(t('timeUp'));
        submit(true);
      }
      return;
    }
    var s = Math.floor(left / 1000);
    var mm = Math.floor(s / 60);
    var ss = s % 60;
    el('timer').textContent = (mm < 10 ? '0' : '') + mm + ':' + (ss < 10 ? '0' : '') + ss;
    el('timer').classList.toggle('text-bg-danger', s < 300);
  }

  function open(attempt) {
    state.attempt = attempt;
    state.offset = Date.parse(attempt.serverTime) - Date.now();
    Object.keys(attempt.answerSeq || {}).forEach(function (q) { state.seq[q] = attempt.answerSeq[q]; });
    // what this phone gave but the server has not acknowledged wins over the server's older copy
    var kept = restore();
    Object.keys(kept).forEach(function (q) {
      if (kept[q].seq > (state.seq[q] || 0)) {
        state.pending[q] = kept[q];
        state.seq[q] = kept[q].seq;
        attempt.answers[q] = kept[q].answer;
      }
    });
    keep();
    ['bar', 'question-card', 'nav', 'map'].forEach(function (r) { el(r).classList.remove('d-none'); });
    var submitButton = root.querySelector('[data-action="submit"]');
    submitButton.classList.remove('d-none');
    submitButton.textContent = t('submit');
    root.querySelector('[data-action="prev"]').textContent = t('prev');
    root.querySelector('[data-action="next"]').textContent = t('next');
    var firstOpen = attempt.questions.findIndex(function (q) { return !(attempt.answers[q.id] || []).length; });
    go(firstOpen < 0 ? 0 : firstOpen);
    tick();
    state.timer = setInterval(tick, 1000);
    syncLabel();
    flush();
  }

  function submit(auto) {
    if (state.over) {
      return;
    }
    var unanswered = state.attempt.questions.filter(function (q) {
      return !(state.attempt.answers[q.id] || []).length;
    }).length;
    if (!auto && !window.confirm(t('confirm') + (unanswered ? ' ' + t('unanswered') + ' ' + unanswered : ''))) {
      return;
    }
    var waited = 0;
    (function whenSaved() {
      // submit only after every answer was acknowledged (or after 10 s of trying: the server keeps what it has)
      if (Object.keys(state.pending).length > 0 && waited < 10000 && !state.over) {
        waited += 500;
        flush();
        setTimeout(whenSaved, 500);
        return;
      }
      state.over = true;
      api('POST', '/exams/attempts/' + state.attempt.attemptId + '/submit').then(function (resp) {
        if (resp.ok) {
          try { localStorage.removeItem(storeKey()); } catch (e) { /* nothing kept */ }
          loadResult();
        } else {
          problem(resp).then(showError);
          loadResult();
        }
      }, function () {
        state.over = false;
        setTimeout(function () { submit(true); }, 3000);
      });
    })();
  }

  function loadResult() {
    var id = state.attempt ? state.attempt.attemptId : root.getAttribute('data-attempt-id');
    api('GET', '/exams/attempts/' + id + '/state').then(function (resp) {
      if (!resp.ok) {
        problem(resp).then(showError);
        return;
      }
      resp.json().then(function (a) {
        if (a.status !== 'SUBMITTED') {
          state.over = false;
          open(a);
          return;
        }
        renderResult(a);
      });
    });
  }

  function renderResult(a) {
    clearInterval(state.timer);
    ['bar', 'question-card', 'nav', 'map'].forEach(function (r) { el(r).classList.add('d-none'); });
    root.querySelector('[data-action="submit"]').classList.add('d-none');
    var box = el('result');
    box.classList.remove('d-none');
    box.textContent = '';
    var r = a.result;
    var head = document.createElement('div');
    head.className = 'alert ' + (r.passed ? 'alert-success' : 'alert-secondary');
    var title = document.createElement('div');
    title.className = 'fs-4';
    title.setAttribute('data-testid', 'score');
    title.textContent = t('score') + ' ' + r.score + ' / ' + r.maxScore + ' · ' + (r.passed ? t('passed') : t('failed'));
    head.appendChild(title);
    if (r.autoSubmitted) {
      var auto = document.createElement('div');
      auto.className = 'small';
      auto.textContent = t('auto');
      head.appendChild(auto);
    }
    box.appendChild(head);
    if (!r.review) {
      var none = document.createElement('p');
      none.className = 'text-muted';
      none.textContent = t('noreview');
      box.appendChild(none);
    } else {
      r.review.forEach(function (item, i) {
        var card = document.createElement('div');
        var right = Number(item.score) >= Number(item.points);
        card.className = 'card mb-2 border-' + (right ? 'success' : 'danger');
        card.setAttribute('data-testid', 'review-item');
        var body = document.createElement('div');
        body.className = 'card-body small';
        var stem = document.createElement('p');
        stem.className = 'fw-semibold mb-1';
        stem.textContent = (i + 1) + '. ' + item.stem + ' (' + item.score + '/' + item.points + ')';
        body.appendChild(stem);
        var label = function (keys) {
          return keys.map(function (k) {
            if (item.type === 'TRUE_FALSE') { return k === 'true' ? t('true') : t('false'); }
            var o = (item.options || []).find(function (x) { return x.key === k; });
            return o ? o.key + '. ' + o.text : k;
          }).join('；') || '—';
        };
        [[t('yours'), label(item.answer)], [t('right'), label(item.rightAnswer)],
          [t('explanation'), item.explanation || '—']].forEach(function (pair) {
          var line = document.createElement('div');
          var b = document.createElement('span');
          b.className = 'text-muted me-1';
          b.textContent = pair[0] + ':';
          line.appendChild(b);
          line.appendChild(document.createTextNode(pair[1]));
          body.appendChild(line);
        });
        card.appendChild(body);
        box.appendChild(card);
      });
    }
    var back = document.createElement('a');
    back.className = 'btn btn-outline-secondary';
    back.href = '/exams/mine';
    back.textContent = t('back');
    box.appendChild(back);
  }

  // ------------------------------------------------------------ wiring

  root.querySelector('[data-action="prev"]').addEventListener('click', function () { go(state.index - 1); });
  root.querySelector('[data-action="next"]').addEventListener('click', function () { go(state.index + 1); });
  root.querySelector('[data-action="submit"]').addEventListener('click', function () { submit(false); });
  window.addEventListener('online', flush);
  document.addEventListener('visibilitychange', function () {
    if (!state.attempt || state.over) {
      return;
    }
    api('POST', '/exams/attempts/' + state.attempt.attemptId + '/events',
      { type: document.visibilityState === 'hidden' ? 'HIDDEN' : 'VISIBLE' }).catch(function () { /* information only */ });
    if (document.visibilityState === 'visible') {
      flush();
    }
  });

  var examId = root.getAttribute('data-exam-id');
  if (examId) {
    api('POST', '/exams/' + examId + '/attempt').then(function (resp) {
      if (resp.status === 200 || resp.status === 201) {
        resp.json().then(function (a) {
          if (a.status === 'SUBMITTED') { renderResult(a); } else { open(a); }
        });
      } else {
        problem(resp).then(showError);
      }
    }, function () { showError(t('offline')); });
  } else {
    loadResult();
  }
})();
