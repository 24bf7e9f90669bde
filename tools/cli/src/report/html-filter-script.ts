/**
 * The script of the HTML report: the filters. It is text, inlined into the page (and allowed there by its hash),
 * so it is plain browser JavaScript with no imports; html-report.chromium.spec.ts runs it in Chromium.
 *
 * Each `<select data-filter="F">` keeps the rows whose `data-F` equals its value (for `modes`, a space-separated
 * list, contains it); an empty value keeps every row. The filters are hidden until the script runs, so a page
 * opened without scripts shows every finding and no controls that do nothing.
 */
export const FILTER_SCRIPT = `
(function () {
  'use strict';
  var form = document.getElementById('filters');
  var table = document.getElementById('findings');
  if (!form || !table) return;
  var selects = Array.prototype.slice.call(form.querySelectorAll('select[data-filter]'));
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var count = document.getElementById('shown-count');
  var empty = document.getElementById('no-match');
  function matches(row, select) {
    var wanted = select.value;
    if (wanted === '') return true;
    var field = select.getAttribute('data-filter');
    var value = row.getAttribute('data-' + field) || '';
    return field === 'modes' ? value.split(' ').indexOf(wanted) !== -1 : value === wanted;
  }
  function apply() {
    var shown = 0;
    rows.forEach(function (row) {
      var keep = selects.every(function (select) { return matches(row, select); });
      row.hidden = !keep;
      if (keep) shown += 1;
    });
    count.textContent = shown === rows.length
      ? 'Showing all ' + rows.length + (rows.length === 1 ? ' finding' : ' findings')
      : 'Showing ' + shown + ' of ' + rows.length + (rows.length === 1 ? ' finding' : ' findings');
    empty.hidden = shown !== 0;
  }
  form.addEventListener('change', apply);
  form.addEventListener('reset', function () { window.setTimeout(apply, 0); });
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  form.hidden = false;
  apply();
})();
`;
