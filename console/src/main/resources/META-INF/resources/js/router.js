// The one router: hash routes ("#/vms/<id>"), so the server serves a single static page and
// every page has an address that can be bookmarked and reloaded.

const routes = [];

/** route('/vms/:id', (params) => page) */
export function route(pattern, page) {
  const names = [];
  const regex = new RegExp('^' + pattern.replace(/:([a-z]+)/g, (_, name) => {
    names.push(name);
    return '([^/]+)';
  }) + '$');
  routes.push({ regex, names, page });
}

export function current() {
  const path = location.hash.replace(/^#/, '').split('?')[0] || '/';
  for (const r of routes) {
    const match = r.regex.exec(path);
    if (match) {
      const params = {};
      r.names.forEach((name, i) => { params[name] = decodeURIComponent(match[i + 1]); });
      return { path, page: r.page, params };
    }
  }
  return { path, page: null, params: {} };
}

export function go(path) {
  if (location.hash === `#${path}`) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = path;
}
