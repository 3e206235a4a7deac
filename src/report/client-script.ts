/**
 * The one inline script of every report page (allowed by its hash in the CSP). It reads
 * data only from `<script type="application/json">` blocks and writes text with
 * `textContent`, never HTML, so nothing from an article can become markup or code.
 */
export const CLIENT_SCRIPT = `(function () {
  'use strict';
  function data(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent || 'null') : null;
  }
  var charts = data('fl-charts');
  if (charts && window.Chart) {
    var C = window.Chart;
    C.defaults.animation = false;
    C.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
    C.defaults.color = '#3b4250';
    C.defaults.maintainAspectRatio = false;
    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
      var spec = charts[canvas.getAttribute('data-chart')];
      if (spec) new C(canvas, spec);
    });
  }
  var tips = data('fl-tips');
  var tip = document.getElementById('fl-tip');
  function hide() { if (tip) tip.hidden = true; }
  function show(el) {
    if (!tips || !tip) return;
    var rows = el.hasAttribute('data-f') ? tips.f[+el.getAttribute('data-f')] : tips.q[+el.getAttribute('data-q')];
    if (!rows) return;
    var dl = document.createElement('dl');
    rows.forEach(function (row) {
      var dt = document.createElement('dt'); dt.textContent = row[0];
      var dd = document.createElement('dd'); dd.textContent = row[1];
      dl.appendChild(dt); dl.appendChild(dd);
    });
    tip.replaceChildren(dl);
    tip.hidden = false;
    var r = el.getBoundingClientRect();
    var width = tip.offsetWidth;
    var left = Math.max(8, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - width - 8));
    tip.style.left = left + 'px';
    tip.style.top = (window.scrollY + r.bottom + 6) + 'px';
  }
  function target(e) { return e.target && e.target.closest ? e.target.closest('[data-f],[data-q]') : null; }
  document.addEventListener('mouseover', function (e) { var el = target(e); if (el) show(el); else hide(); });
  document.addEventListener('focusin', function (e) { var el = target(e); if (el) show(el); else hide(); });
  document.addEventListener('focusout', hide);
  document.addEventListener('keydown', function (e) { if (e.key === 'Escape') hide(); });

  document.querySelectorAll('table[data-sortable]').forEach(function (table) {
    var body = table.tBodies[0];
    if (!body) return;
    var rows = Array.prototype.slice.call(body.rows);
    rows.forEach(function (row) { row._text = row.textContent.toLowerCase(); });
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(heads, function (th, col) {
      var button = th.querySelector('button');
      if (!button) return;
      button.addEventListener('click', function () {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        function key(row) {
          var cell = row.cells[col];
          if (!cell) return '';
          var v = cell.getAttribute('data-v');
          return v !== null ? (v === '' ? -Infinity : +v) : cell.textContent.toLowerCase();
        }
        var keyed = rows.map(function (row, i) { return [key(row), i, row]; });
        keyed.sort(function (a, b) {
          var c = a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1];
          return ascending ? c : -c;
        });
        var fragment = document.createDocumentFragment();
        keyed.forEach(function (k) { fragment.appendChild(k[2]); });
        body.appendChild(fragment);
      });
    });
    var id = table.id;
    var search = document.querySelector('input[data-filter="' + id + '"]');
    var select = document.querySelector('select[data-filter="' + id + '"]');
    var count = document.querySelector('[data-count="' + id + '"]');
    function apply() {
      var q = search ? search.value.trim().toLowerCase() : '';
      var col = select ? +select.getAttribute('data-col') : -1;
      var v = select ? select.value : '';
      var shown = 0;
      rows.forEach(function (row) {
        var ok = (!q || row._text.indexOf(q) >= 0) && (!v || (row.cells[col] && row.cells[col].getAttribute('data-g') === v));
        row.hidden = !ok;
        if (ok) shown++;
      });
      if (count) count.textContent = shown + ' of ' + rows.length + ' shown';
    }
    if (search) search.addEventListener('input', apply);
    if (select) select.addEventListener('change', apply);
    apply();
  });

  // Large tables: rows come from a JSON block; filter and sort the array, draw a page of rows.
  document.querySelectorAll('table[data-rows]').forEach(function (table) {
    var spec = data(table.getAttribute('data-rows'));
    var body = table.tBodies[0];
    if (!spec || !body) return;
    var id = table.id;
    var PAGE = 200;
    var limit = PAGE;
    var sortCol = -1;
    var ascending = true;
    var all = spec.rows.map(function (row, i) {
      return { row: row, file: spec.files[i], i: i, text: (row[0] + ' ' + row[1] + ' ' + row[2]).toLowerCase() };
    });
    var search = document.querySelector('input[data-filter="' + id + '"]');
    var select = document.querySelector('select[data-filter="' + id + '"]');
    var count = document.querySelector('[data-count="' + id + '"]');
    var more = document.querySelector('[data-more="' + id + '"]');
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    function cell(value, column) {
      var td = document.createElement('td');
      if (column.numeric) {
        td.className = 'n';
        td.textContent = typeof value === 'number' ? value.toFixed(column.digits) : '';
      } else {
        td.textContent = value;
      }
      return td;
    }
    function draw() {
      var q = search ? search.value.trim().toLowerCase() : '';
      var g = select ? select.value : '';
      var rows = all.filter(function (r) { return (!q || r.text.indexOf(q) >= 0) && (!g || r.row[1] === g); });
      if (sortCol >= 0) {
        rows.sort(function (a, b) {
          var x = a.row[sortCol], y = b.row[sortCol];
          if (typeof x === 'string') { x = x.toLowerCase(); y = String(y).toLowerCase(); }
          var c = x < y ? -1 : x > y ? 1 : a.i - b.i;
          return ascending ? c : -c;
        });
      }
      var fragment = document.createDocumentFragment();
      rows.slice(0, limit).forEach(function (r) {
        var tr = document.createElement('tr');
        spec.columns.forEach(function (column, c) {
          var td = cell(r.row[c], column);
          if (c === 0 && r.file) {
            td.textContent = '';
            var a = document.createElement('a');
            a.href = 'articles/' + encodeURIComponent(r.file);
            a.textContent = r.row[0];
            td.appendChild(a);
          }
          tr.appendChild(td);
        });
        fragment.appendChild(tr);
      });
      body.replaceChildren(fragment);
      var shown = Math.min(limit, rows.length);
      if (count) count.textContent = rows.length === all.length ? shown + ' of ' + all.length + ' shown' : shown + ' of ' + rows.length + ' matching articles shown (' + all.length + ' in all)';
      if (more) more.hidden = rows.length <= limit;
    }
    Array.prototype.forEach.call(heads, function (th, col) {
      var button = th.querySelector('button');
      if (!button) return;
      button.addEventListener('click', function () {
        ascending = !(sortCol === col && ascending);
        sortCol = col;
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        draw();
      });
    });
    if (search) search.addEventListener('input', function () { limit = PAGE; draw(); });
    if (select) select.addEventListener('change', function () { limit = PAGE; draw(); });
    if (more) more.addEventListener('click', function () { limit += PAGE; draw(); });
    draw();
  });
})();
`;
