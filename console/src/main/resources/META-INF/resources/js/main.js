// The console's entry point: theme, session, the event stream and the routes.

import { onUnauthorized } from './api.js';
import * as session from './session.js';
import * as store from './store.js';
import { route, current, go } from './router.js';
import { show } from './render.js';
import { initTheme } from './theme.js';
import { report } from './ui.js';
import { loginPage } from './pages/login.js';
import { dashboardPage } from './pages/dashboard.js';
import { vmListPage } from './pages/vm-list.js';
import { vmDetailPage } from './pages/vm-detail.js';
import { newVmPage } from './pages/new-vm.js';
import { hostListPage } from './pages/host-list.js';
import { hostDetailPage } from './pages/host-detail.js';
import { taskListPage } from './pages/task-list.js';
import { srListPage } from './pages/sr-list.js';
import { srDetailPage } from './pages/sr-detail.js';
import { networkListPage } from './pages/network-list.js';
import { messagesPage } from './pages/messages.js';
import { userListPage } from './pages/users.js';
import { tokenListPage } from './pages/tokens.js';
import { roleMatrixPage } from './pages/roles.js';
import { auditPage } from './pages/audit.js';
import { haPage } from './pages/ha.js';

const view = document.getElementById('view');
let leave = null; // the current page's clean-up (its store subscription)

route('/login', loginPage);
route('/', dashboardPage);
route('/vms', vmListPage);
route('/vms/new', newVmPage);
route('/vms/:id', vmDetailPage);
route('/hosts', hostListPage);
route('/hosts/:id', hostDetailPage);
route('/tasks', taskListPage);
route('/storage', srListPage);
route('/storage/:id', srDetailPage);
route('/networks', networkListPage);
route('/messages', messagesPage);
route('/users', userListPage);
route('/tokens', tokenListPage);
route('/roles', roleMatrixPage);
route('/audit', auditPage);
route('/ha', haPage);

function render() {
  if (leave) leave();
  leave = null;
  const { path, page, params } = current();
  const loggedIn = session.user() !== null;
  if (!loggedIn && path !== '/login') return go('/login');
  if (loggedIn && path === '/login') return go('/');
  markNav(path);
  if (!page) {
    show(view, `There is no page at ${path}.`);
    return undefined;
  }
  view.dataset.page = path === '/' ? 'dashboard' : path.split('/')[1];
  leave = page(view, params, { ready: enter }) || null;
  return undefined;
}

function markNav(path) {
  for (const link of document.querySelectorAll('#nav a')) {
    const target = link.getAttribute('href').slice(1);
    const here = target === '/' ? path === '/' : path.startsWith(target);
    if (here) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

/** After a login (or a kept session): the header, the store and its event stream. */
async function enter() {
  const who = session.user();
  document.getElementById('nav').hidden = false;
  document.getElementById('logout').hidden = false;
  document.getElementById('who').textContent = `${who.username} (${who.role})`;
  // a page the role may not read is not offered (the API would refuse it anyway)
  for (const link of document.querySelectorAll('#nav a[data-needs]')) link.hidden = !session.may(link.dataset.needs);
  await store.start();
  render();
}

function leaveSession() {
  store.close();
  document.getElementById('nav').hidden = true;
  document.getElementById('logout').hidden = true;
  document.getElementById('who').textContent = '';
  setLive('off');
}

function setLive(state) {
  const live = document.getElementById('live');
  live.dataset.state = state;
  live.textContent = { live: 'Live', reconnecting: 'Reconnecting…', off: '' }[state];
}

async function boot() {
  // a bug in the console itself is shown, not swallowed: the user sees that something failed
  window.addEventListener('error', (e) => report(`The console failed: ${e.message}`));
  window.addEventListener('unhandledrejection', (e) => report(e.reason));
  initTheme(document.getElementById('theme'));
  store.onConnection(setLive);
  onUnauthorized(() => {
    leaveSession();
    go('/login');
  });
  document.getElementById('logout').addEventListener('click', async () => {
    await session.logout().catch(() => {});
    leaveSession();
    go('/login');
  });
  window.addEventListener('hashchange', render);
  if (await session.resume()) await enter();
  else render();
}

boot();
