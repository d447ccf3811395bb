// Small progressive enhancements; every page works without JavaScript.
document.addEventListener('click', function (e) {
  var t = e.target.closest('[data-print]');
  if (t) { e.preventDefault(); window.print(); }
  var c = e.target.closest('[data-confirm]');
  if (c && !window.confirm(c.getAttribute('data-confirm'))) { e.preventDefault(); }
});

// The procedure editor: "+ add" appends an empty row in the page (the server adds rows when JavaScript is off).
document.addEventListener('click', function (e) {
  var button = e.target.closest('[data-add-row]');
  if (!button) { return; }
  var body = document.querySelector('#' + button.getAttribute('data-add-row') + ' tbody');
  var last = body && body.lastElementChild;
  if (!last) { return; }
  e.preventDefault();
  var row = last.cloneNode(true);
  var index = body.children.length;
  row.querySelectorAll('[name]').forEach(function (el) {
    el.name = el.name.replace(/\[\d+\]/, '[' + index + ']');
    if (el.id) { el.id = el.id.replace(/-\d+$/, '-' + index); }
    if (el.type === 'checkbox') { el.checked = /\.required$/.test(el.name); }
    else if (el.type === 'hidden' && el.name.indexOf('_') !== 0) { el.value = ''; }
    else if (el.type !== 'hidden' && el.tagName !== 'SELECT') { el.value = ''; }
  });
  row.querySelectorAll('span.muted').forEach(function (s) { s.remove(); });
  var first = row.querySelector('td');
  if (first && /^\d+$/.test(first.textContent.trim())) { first.textContent = index + 1; }
  body.appendChild(row);
  var input = row.querySelector('input[type=text]');
  if (input) { input.focus(); }
});
