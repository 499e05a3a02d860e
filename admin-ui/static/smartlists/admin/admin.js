// Smart Lists admin: a few progressive enhancements. Every form works without this script.
(function () {
  'use strict';

  // After a move, put the keyboard focus back on the moved list's button. After "load", because
  // scrolling to the URL's #cell fragment moves the focus to the page once loading completes.
  var focus = document.querySelector('[data-sl-focus]');
  if (focus) {
    var target = document.getElementById(focus.getAttribute('data-sl-focus'));
    if (target && target.disabled) {
      var li = target.closest('li');
      target = li && li.querySelector('button:not([disabled])');
    }
    if (target) {
      var focusMoved = function () { setTimeout(function () { target.focus(); }, 0); };
      if (document.readyState === 'complete') { focusMoved(); } else { window.addEventListener('load', focusMoved); }
    }
  }

  // Move the focus to the error summary so screen readers announce it.
  var summary = document.getElementById('error-summary');
  if (summary) { summary.focus(); }

  // Slot editor: show only the parameter the chosen list needs.
  var type = document.getElementById('type');
  function showParam() {
    var option = type.options[type.selectedIndex];
    var param = option ? option.getAttribute('data-param') : 'NONE';
    document.querySelectorAll('.sl-param').forEach(function (el) {
      el.hidden = el.getAttribute('data-param') !== param;
    });
  }
  if (type && type.tagName === 'SELECT') {
    type.addEventListener('change', showParam);
    showParam();
  }

  // Search pickers: fill a datalist from the admin's JSON search; "Add" appends the value.
  function fill(list, source, query) {
    fetch(source + '?q=' + encodeURIComponent(query), { headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (options) {
        list.innerHTML = '';
        options.forEach(function (o) {
          var opt = document.createElement('option');
          opt.value = o.value;
          opt.label = o.label;
          opt.textContent = o.label;
          list.appendChild(opt);
        });
      })
      .catch(function () { /* the merchant can still type ids */ });
  }
  function debounce(fn) {
    var t;
    return function () { var args = arguments; clearTimeout(t); t = setTimeout(function () { fn.apply(null, args); }, 200); };
  }
  document.querySelectorAll('.sl-picker').forEach(function (picker) {
    var input = picker.querySelector('input');
    var list = picker.querySelector('datalist');
    var button = picker.querySelector('button');
    var target = document.getElementById(picker.getAttribute('data-target'));
    var source = picker.getAttribute('data-source');
    var search = debounce(function () { fill(list, source, input.value.trim()); });
    input.addEventListener('input', search);
    input.addEventListener('focus', search);
    function add() {
      var value = input.value.trim();
      if (!value || !target) { return; }
      for (var i = 0; i < list.options.length; i++) {
        if (list.options[i].label === value) { value = list.options[i].value; }
      }
      var lines = target.value.split(/\r?\n/).map(function (s) { return s.trim(); }).filter(Boolean);
      if (lines.indexOf(value) < 0) { lines.push(value); }
      target.value = lines.join('\n');
      input.value = '';
      input.focus();
    }
    button.addEventListener('click', add);
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') { e.preventDefault(); add(); }
    });
  });

  // Preview: the customer field searches the customer directory.
  var customer = document.getElementById('customer');
  if (customer && customer.getAttribute('data-source')) {
    var customers = document.getElementById('customer-options');
    customer.addEventListener('input', debounce(function () {
      if (customer.value.trim().length > 0) { fill(customers, customer.getAttribute('data-source'), customer.value.trim()); }
    }));
  }
})();
