// Shared page behaviour: show an error as its human message and code, ask for confirmation
// naming the object, and re-render a page whenever the store changes.

import { subscribe } from './store.js';

const notice = () => document.getElementById('notice');

/** Shows an error from the API (its message and stable code) in the page's alert region. */
export function report(err) {
  const region = notice();
  region.textContent = err && err.describe ? err.describe() : String(err);
  region.hidden = false;
}

export function clearReport() {
  notice().hidden = true;
  notice().textContent = '';
}

/** Runs an API call from a button, reporting its error; resolves to the call's answer or undefined. */
export async function attempt(call) {
  clearReport();
  try {
    return await call();
  } catch (err) {
    report(err);
    return undefined;
  }
}

/** A modal question; resolves true only when the user confirms. The text names the object. */
export function confirmed(text, confirmLabel) {
  const dialog = document.getElementById('confirm');
  document.getElementById('confirm-text').textContent = text;
  document.getElementById('confirm-ok').textContent = confirmLabel;
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
    dialog.returnValue = '';
    dialog.showModal();
    document.getElementById('confirm-cancel').focus();
  });
}

/**
 * Renders now and again after every change the event stream brings (coalesced: one render per
 * burst of events). Returns the clean-up the router calls when the page is left.
 */
export function live(renderNow, relevant = () => true) {
  let scheduled = false;
  renderNow();
  return subscribe((event) => {
    if (event && !relevant(event)) return;
    if (scheduled) return;
    scheduled = true;
    setTimeout(() => {
      scheduled = false;
      renderNow();
    }, 0);
  });
}

export function when(instant) {
  return instant ? new Date(instant).toLocaleString() : '';
}
