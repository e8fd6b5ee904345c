// report.js: the monthly reporting form (调度填报) in the browser. The form
// works without it; with it, a "沿用上月" button beside a field copies last
// month's value into it (the value comes in the button's data-value, as
// the pages' Content-Security-Policy allows no inline script), and the
// first field with an error is brought into view.
//
// What is typed is also kept in the tab's sessionStorage (per user,
// period and page: the form's data-draft) until the page says it was
// saved: a session that ended while a reporter typed sends the post to
// the login page, and the typing is put back when the form opens again,
// with a notice and a button to drop it.
(function () {
  'use strict';

  var FIELD = /^[cstp]\./;

  function fields(form) {
    return Array.prototype.filter.call(form.elements, function (e) {
      return FIELD.test(e.name) && !e.disabled;
    });
  }

  // The value the page came with.
  function initial(e) {
    if (e.tagName !== 'SELECT') return e.defaultValue;
    for (var i = 0; i < e.options.length; i++) if (e.options[i].defaultSelected) return e.options[i].value;
    return e.options.length ? e.options[0].value : '';
  }

  function store() {
    try { return window.sessionStorage; } catch (e) { return null; }
  }

  function keep(form, key) {
    var s = store(), draft = {}, n = 0;
    if (!s) return;
    fields(form).forEach(function (e) {
      if (e.value !== initial(e)) { draft[e.name] = e.value; n++; }
    });
    try {
      if (n) s.setItem(key, JSON.stringify(draft));
      else s.removeItem(key);
    } catch (e) { /* full or refused: the form still works */ }
  }

  function restore(form, key) {
    var s = store(), draft, back = [];
    if (!s) return;
    if (document.querySelector('.msg.good')) { s.removeItem(key); return; }
    try { draft = JSON.parse(s.getItem(key) || 'null'); } catch (e) { draft = null; }
    if (!draft) return;
    Object.keys(draft).forEach(function (name) {
      var e = form.elements.namedItem(name);
      if (!e || e.disabled || !FIELD.test(name) || e.value === draft[name]) return;
      e.value = draft[name];
      if (e.value === draft[name]) back.push(e);
    });
    if (!back.length) return;
    var note = document.createElement('p'), drop = document.createElement('button');
    note.className = 'msg draft';
    note.setAttribute('role', 'status');
    note.textContent = '已恢复本页上次未保存的填写内容（' + back.length + '项），请核对后点“保存本页”。';
    drop.type = 'button';
    drop.textContent = '放弃恢复';
    drop.addEventListener('click', function () {
      back.forEach(function (e) { e.value = initial(e); });
      s.removeItem(key);
      note.remove();
    });
    note.appendChild(drop);
    form.parentNode.insertBefore(note, form);
  }

  function start() {
    var form = document.querySelector('form.report-form');
    if (!form) return;
    var key = form.getAttribute('data-draft');
    if (key) {
      key = 'tz-report-draft:' + key;
      restore(form, key);
      form.addEventListener('input', function () { keep(form, key); });
      form.addEventListener('change', function () { keep(form, key); });
      form.addEventListener('submit', function () { keep(form, key); });
    }
    form.querySelectorAll('button.copy[data-to]').forEach(function (b) {
      var field = form.elements.namedItem(b.getAttribute('data-to'));
      if (!field || field.disabled) return;
      b.hidden = false;
      b.addEventListener('click', function () {
        field.value = b.getAttribute('data-value');
        field.dispatchEvent(new Event('change', { bubbles: true }));
        field.focus();
      });
    });
    var bad = form.querySelector('[aria-invalid="true"]');
    if (bad) {
      bad.scrollIntoView({ block: 'center' });
      bad.focus({ preventScroll: true });
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
