// The console's whole rendering helper: h() builds DOM nodes (text is always set as text, never
// parsed as HTML, so names that come from the API cannot inject markup), show() replaces a
// region's content.

/** h('button', {class: 'x', onclick: fn, 'aria-label': 'y'}, 'text', child, [more]) */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key === 'value') el.value = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the content of a region. */
export function show(region, ...children) {
  region.replaceChildren();
  append(region, children);
}

/** A labelled form field: <label>text <control></label>. */
export function field(text, control) {
  return h('label', { class: 'field' }, h('span', {}, text), control);
}

export function bytes(n) {
  if (n === undefined || n === null) return '';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
  return `${v >= 10 || i === 0 ? Math.round(v) : v.toFixed(1)} ${units[i]}`;
}

/** A meter with its numbers written out, so it reads without colour too. */
export function usage(used, total, label) {
  const share = total > 0 ? used / total : 0;
  return h('div', { class: 'usage' },
    h('meter', { min: 0, max: 1, value: share, 'aria-label': label }),
    h('span', {}, `${bytes(used)} of ${bytes(total)} (${Math.round(share * 100)}%)`));
}
