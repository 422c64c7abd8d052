// Small DOM helpers the pages share.

import { t, lang } from '/web/i18n.js';

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([k, v]) => { if (v !== undefined && v !== null && v !== '') node.setAttribute(k, v); });
  children.flat().forEach(c => node.append(c instanceof Node ? c : document.createTextNode(String(c))));
  return node;
}

export function showError(e) {
  const box = document.getElementById('error');
  box.hidden = false;
  box.textContent = e.status === 401 ? t('error.unauthorized')
    : e.status === 403 ? t('error.forbidden') + ' ' + (e.message || '')
    : t('error.generic', { message: e.message || String(e) });
  document.body.dataset.state = 'error';
}

export function lessonHref(id) {
  const lang_ = new URL(location.href).searchParams.get('lang');
  return 'lesson.html?id=' + id + (lang_ ? '&lang=' + lang() : '');
}
