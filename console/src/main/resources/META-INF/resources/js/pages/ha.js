// High availability: whether HA is on, its timeout T, the failures to tolerate and how many the
// plan covers now, whether the pool is overcommitted, each host's HA state and the restarts
// pending; a pool-operator enables (with T and the failures to tolerate) and disables it, as the
// HA object's allowedOperations and the role allow. Live: ha events.

import { h, show, field } from '../render.js';
import { get, post } from '../api.js';
import { live, attempt, report, when } from '../ui.js';
import { offered } from '../session.js';
import { hostName, table, badge } from './common.js';

export function haPage(view) {
  const region = h('div');
  const form = enableForm();
  show(view, h('h1', {}, 'High availability'), region, form.element);
  const load = async () => {
    try {
      const ha = await get('/ha');
      show(region, state(ha));
      form.element.hidden = !offered('ha', ha).includes('enable');
    } catch (err) {
      report(err);
    }
  };
  return live(load, (e) => e.class === 'ha');
}

function state(ha) {
  const facts = [
    ['HA', ha.enabled ? 'enabled' : 'disabled'],
    ['Timeout (T)', `${ha.timeoutSeconds} s`],
    ['Host failures to tolerate', String(ha.hostFailuresToTolerate)],
    ['The plan covers', `${ha.planExistsFor} host failure(s)`],
    ['Overcommitted', ha.overcommitted ? 'yes: the plan covers fewer failures than to tolerate' : 'no'],
    ['Overcommit allowed', ha.allowOvercommit ? 'yes' : 'no'],
    ['Quorum', ha.quorum ? 'yes' : 'no'],
  ];
  const hosts = (ha.hosts || []).map((host) => h('tr', { 'data-host': host.id },
    h('th', { scope: 'row' }, h('a', { href: `#/hosts/${host.id}` }, host.name)), h('td', { class: 'state' }, badge(host.state)),
    h('td', {}, when(host.lastHeartbeat))));
  const pending = (ha.pendingRestarts || []).map((r) => h('tr', {},
    h('th', { scope: 'row' }, h('a', { href: `#/vms/${r.vmId}` }, r.vmId.slice(0, 8))), h('td', {}, hostName(r.failedHost)),
    h('td', {}, r.priority), h('td', {}, String(r.attempts)), h('td', {}, r.lastError || '')));
  return [
    h('div', { class: 'title' }, h('span', { id: 'ha-state' }, badge(ha.enabled ? 'enabled' : 'disabled')),
      offered('ha', ha).includes('disable') ? h('button', { type: 'button', class: 'danger', 'data-action': 'disable', id: 'ha-disable',
        onclick: () => attempt(() => post('/ha/disable')) }, 'Disable HA') : null),
    h('section', { class: 'card', 'aria-labelledby': 'ha-overview' }, h('h2', { id: 'ha-overview' }, 'State'),
      h('dl', { class: 'facts', id: 'ha-facts' }, facts.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]))),
    h('section', { class: 'card', 'aria-labelledby': 'ha-hosts' }, h('h2', { id: 'ha-hosts' }, 'Hosts'),
      table('Hosts as HA sees them', ['Host', 'HA state', 'Last heartbeat'], hosts, 'No host.')),
    h('section', { class: 'card', 'aria-labelledby': 'ha-restarts' }, h('h2', { id: 'ha-restarts' }, 'Pending restarts'),
      table('VMs HA is restarting', ['VM', 'Failed host', 'Priority', 'Attempts', 'Last error'], pending, 'No restart pending.')),
  ];
}

/** Made once (typing survives re-renders); shown while HA may be enabled by this user. */
function enableForm() {
  const timeout = h('input', { id: 'ha-timeout', type: 'number', min: 6, max: 3600, value: 30, required: true });
  const failures = h('input', { id: 'ha-failures', type: 'number', min: 0, value: 0, required: true });
  const element = h('form', { class: 'filters card', id: 'ha-enable-form', 'aria-label': 'Enable HA', hidden: true, onsubmit: (e) => {
    e.preventDefault();
    attempt(() => post('/ha/enable', { timeoutSeconds: Number(timeout.value), hostFailuresToTolerate: Number(failures.value) }));
  } }, field('Timeout T (seconds)', timeout), field('Host failures to tolerate', failures),
  h('button', { type: 'submit', class: 'primary', id: 'ha-enable' }, 'Enable HA'));
  return { element };
}
