// The actions the console can perform on VMs and hosts, and how each is called. Which of them a
// row or page offers is never decided here: it is the object's allowedOperations (the server's
// state machine) intersected with the user's role (session.offered); this table only says how to
// call an operation and whether it destroys something, so it asks first.

import { post, del } from './api.js';
import { offered, may, user } from './session.js';
import { h } from './render.js';
import { attempt, confirmed } from './ui.js';

const VM = {
  start: { label: 'Start', call: (id) => post(`/vms/${id}/start`, { paused: false }) },
  resume: { label: 'Resume', call: (id) => post(`/vms/${id}/resume`, { paused: false }) },
  unpause: { label: 'Unpause', call: (id) => post(`/vms/${id}/unpause`) },
  clean_shutdown: { label: 'Shut down', call: (id) => post(`/vms/${id}/clean-shutdown`) },
  clean_reboot: { label: 'Reboot', call: (id) => post(`/vms/${id}/clean-reboot`) },
  suspend: { label: 'Suspend', call: (id) => post(`/vms/${id}/suspend`) },
  pause: { label: 'Pause', call: (id) => post(`/vms/${id}/pause`) },
  hard_shutdown: { label: 'Force shut down', destroys: 'Force shut down', call: (id) => post(`/vms/${id}/hard-shutdown`) },
  hard_reboot: { label: 'Force reboot', destroys: 'Force reboot', call: (id) => post(`/vms/${id}/hard-reboot`) },
  destroy: { label: 'Delete', destroys: 'Delete', call: (id) => del(`/vms/${id}`) },
};

const HOST = {
  enable: { label: 'Enable', call: (id) => post(`/hosts/${id}/enable`) },
  disable: { label: 'Disable', call: (id) => post(`/hosts/${id}/disable`) },
  // not destructive, but it moves every VM running there: asked first, naming the host
  evacuate: {
    label: 'Evacuate', asks: (name) => `Evacuate HOST "${name}"? Every VM running there is live-migrated to another host.`,
    call: (id) => post(`/hosts/${id}/evacuate`),
  },
};

const TASK = {
  // the role may cancel its own tasks; task.cancel_any (pool-operator) anyone's
  cancel: { label: 'Cancel', ownOnly: 'task.cancel_any', call: (id) => post(`/tasks/${id}/cancel`) },
};

const CATALOG = { vm: VM, host: HOST, task: TASK };

/** The buttons for what this user may do to this object now. */
export function actionButtons(objectClass, object, name) {
  const table = CATALOG[objectClass];
  const allowed = new Set(offered(objectClass, object));
  const mine = object.createdBy === (user() || {}).username;
  return Object.entries(table)
    .filter(([verb, action]) => allowed.has(verb) && (!action.ownOnly || mine || may(action.ownOnly))).map(([verb, action]) =>
    h('button', {
      type: 'button',
      class: action.destroys ? 'danger' : '',
      'data-action': verb,
      'aria-label': `${action.label} ${name}`,
      onclick: async (e) => {
        if (!(await askedFirst(action, objectClass, name))) return;
        e.target.disabled = true;
        await attempt(() => action.call(object.id));
        e.target.disabled = false;
      },
    }, action.label));
}

/** Destructive actions, and those that ask, go ahead only once the user confirms (the text names the object). */
function askedFirst(action, objectClass, name) {
  if (action.asks) return confirmed(action.asks(name), action.label);
  if (action.destroys) return confirmed(`${action.destroys} ${objectClass.toUpperCase()} "${name}"?`, action.destroys);
  return Promise.resolve(true);
}
