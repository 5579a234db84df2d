// Fahuo console: small behaviours on top of server-rendered pages (no inline scripts: the CSP forbids them).
(function () {
  'use strict';

  function meta(name) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.getAttribute('content') : null;
  }

  // htmx requests carry the CSRF token like forms do.
  document.addEventListener('htmx:configRequest', function (e) {
    var header = meta('_csrf_header');
    var token = meta('_csrf');
    if (header && token) {
      e.detail.headers[header] = token;
    }
  });

  // A session that expired while a fragment polled: go to the login page instead of swapping it in.
  document.addEventListener('htmx:beforeSwap', function (e) {
    var url = e.detail.xhr && e.detail.xhr.responseURL;
    if (url && new URL(url).pathname === '/login') {
      e.detail.shouldSwap = false;
      window.location.href = '/login';
    }
  });

  // Countdowns to ship-by deadlines; the server renders the deadline, the browser keeps it ticking.
  function two(n) { return n < 10 ? '0' + n : '' + n; }
  function tick() {
    var now = Date.now();
    document.querySelectorAll('[data-deadline]').forEach(function (el) {
      var deadline = Number(el.getAttribute('data-deadline'));
      if (!deadline) { return; }
      var left = Math.round((deadline - now) / 1000);
      var late = left < 0;
      var s = Math.abs(left);
      var text = (s >= 86400 ? Math.floor(s / 86400) + 'd ' : '') + two(Math.floor(s % 86400 / 3600)) + ':' +
        two(Math.floor(s % 3600 / 60)) + ':' + two(s % 60);
      el.textContent = late ? (el.getAttribute('data-overdue-label') || '-') + ' ' + text : text;
      el.classList.toggle('late', late);
      el.classList.toggle('soon', !late && left < 6 * 3600);
    });
  }
  setInterval(tick, 1000);
  document.addEventListener('htmx:afterSwap', tick);

  function onReady(fn) {
    if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', fn); } else { fn(); }
  }

  onReady(function () {
    tick();
    document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
      select.addEventListener('change', function () { select.form.requestSubmit(); });
    });
    ordersList();
    scanPage();
  });

  // Orders list: selection, select-all, and the keyboard (/ search, j/k move, x select, Enter open).
  function ordersList() {
    var table = document.getElementById('orders-table');
    if (!table) { return; }
    var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr[data-order-id]'));
    var all = document.getElementById('select-all');
    var counter = document.getElementById('selected-count');
    function boxes() { return rows.map(function (r) { return r.querySelector('input[type=checkbox]'); }); }
    function refresh() {
      var n = 0;
      rows.forEach(function (r) {
        var on = r.querySelector('input[type=checkbox]').checked;
        r.classList.toggle('selected', on);
        if (on) { n++; }
      });
      if (counter) { counter.textContent = counter.getAttribute('data-template').replace('{0}', n); }
      if (all) { all.checked = n > 0 && n === rows.length; all.indeterminate = n > 0 && n < rows.length; }
    }
    function toggle(row) {
      var box = row.querySelector('input[type=checkbox]');
      box.checked = !box.checked;
      refresh();
    }
    if (all) {
      all.addEventListener('change', function () {
        boxes().forEach(function (b) { b.checked = all.checked; });
        refresh();
      });
    }
    rows.forEach(function (row) {
      row.addEventListener('click', function (e) {
        if (e.target.closest('a')) { return; }
        if (e.target.matches('input[type=checkbox]')) { refresh(); return; }
        toggle(row);
      });
    });
    document.addEventListener('keydown', function (e) {
      var typing = e.target.matches('input:not([type=checkbox]), select, textarea');
      if (e.key === '/' && !typing) {
        e.preventDefault();
        document.getElementById('order-search').focus();
        return;
      }
      if (typing || e.ctrlKey || e.metaKey || e.altKey) { return; }
      var current = rows.indexOf(document.activeElement);
      if (e.key === 'j' || e.key === 'ArrowDown') {
        e.preventDefault();
        if (rows.length) { rows[Math.min(current + 1, rows.length - 1)].focus(); }
      } else if (e.key === 'k' || e.key === 'ArrowUp') {
        e.preventDefault();
        if (rows.length) { rows[Math.max(current - 1, 0)].focus(); }
      } else if ((e.key === 'x' || e.key === ' ') && current >= 0) {
        e.preventDefault();
        toggle(rows[current]);
      } else if (e.key === 'Enter' && current >= 0) {
        e.preventDefault();
        window.location.href = rows[current].getAttribute('data-href');
      } else if (e.key === 'A' && e.shiftKey && all) {
        e.preventDefault();
        all.checked = !all.checked;
        all.dispatchEvent(new Event('change'));
      }
    });
    refresh();
  }

  // Scan-to-ship: keep the input focused, and answer each scan with a colour and a sound.
  function scanPage() {
    var form = document.getElementById('scan-form');
    if (!form) { return; }
    var input = document.getElementById('scan-input');
    var card = document.getElementById('scan-card');
    var audio = null;
    function beep(ok) {
      try {
        audio = audio || new (window.AudioContext || window.webkitAudioContext)();
        var osc = audio.createOscillator();
        var gain = audio.createGain();
        osc.type = ok ? 'sine' : 'square';
        osc.frequency.value = ok ? 1320 : 220;
        gain.gain.value = 0.15;
        osc.connect(gain);
        gain.connect(audio.destination);
        osc.start();
        osc.stop(audio.currentTime + (ok ? 0.12 : 0.45));
      } catch (ignored) {
        // no audio device: the colour still tells
      }
    }
    form.addEventListener('htmx:beforeRequest', function () {
      if (!input.value.trim()) { return; }
      form.setAttribute('data-busy', 'true');
    });
    form.addEventListener('htmx:afterRequest', function () {
      form.removeAttribute('data-busy');
      input.value = '';
      input.focus();
    });
    document.addEventListener('htmx:afterSwap', function (e) {
      if (e.detail.target.id !== 'scan-results') { return; }
      var first = e.detail.target.firstElementChild;
      if (!first) { return; }
      var outcome = first.getAttribute('data-outcome');
      card.className = card.className.replace(/\bflash-\w+/g, '').trim() + ' flash-' + outcome;
      beep(outcome === 'shipped');
      setTimeout(function () { card.className = card.className.replace(/\bflash-\w+/g, '').trim(); }, 1200);
    });
    document.addEventListener('keydown', function (e) {
      if (document.activeElement !== input && !e.target.matches('a, button') && e.key.length === 1) {
        input.focus();
      }
    });
    input.focus();
  }
})();
