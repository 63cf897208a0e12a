// Login: POST /api/v1/session. A throttled or locked-out login says so plainly, with how long
// to wait (from the problem's retry_after_seconds).

import { h, show, field } from '../render.js';
import * as session from '../session.js';

export function loginPage(view, _params, { ready }) {
  const username = h('input', { name: 'username', id: 'username', autocomplete: 'username', required: true });
  const password = h('input', { name: 'password', id: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const message = h('p', { class: 'error', id: 'login-error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Log in');
  const form = h('form', { class: 'card login', 'aria-labelledby': 'login-title', onsubmit: onSubmit },
    h('h1', { id: 'login-title' }, 'Log in to Xenplane'),
    field('User name', username),
    field('Password', password),
    message,
    submit);

  async function onSubmit(e) {
    e.preventDefault();
    message.textContent = '';
    submit.disabled = true;
    try {
      await session.login(username.value, password.value);
      await ready();
    } catch (err) {
      message.textContent = explain(err);
      password.select();
    } finally {
      submit.disabled = false;
    }
  }

  show(view, form);
  username.focus();
}

function explain(err) {
  const wait = err.parameters && err.parameters.retry_after_seconds;
  if (err.code === 'AUTHENTICATION_LOCKED_OUT') {
    return `Too many failed logins: this account or address is locked out. Try again in ${minutes(wait)}, or ask another pool administrator to unlock it. (${err.code})`;
  }
  if (err.code === 'AUTHENTICATION_THROTTLED') {
    return `Too many failed logins: wait ${wait} second${Number(wait) === 1 ? '' : 's'} before trying again. (${err.code})`;
  }
  if (err.code === 'SESSION_AUTHENTICATION_FAILED') return `Wrong user name or password. (${err.code})`;
  return err.describe ? err.describe() : String(err);
}

function minutes(seconds) {
  const s = Number(seconds);
  if (!Number.isFinite(s)) return 'a while';
  return s >= 120 ? `${Math.ceil(s / 60)} minutes` : `${s} seconds`;
}
