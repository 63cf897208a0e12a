// Messages and alarms: what the system tells administrators (a VM crashed, a host stopped
// answering, an alarm crossed its threshold), newest first; a pool-operator dismisses them.
// Live: message events.

import { h, show } from '../render.js';
import { get, del } from '../api.js';
import { live, attempt, report, when } from '../ui.js';
import { may } from '../session.js';
import { table } from './common.js';

const PRIORITY = { 1: 'critical', 2: 'major', 3: 'warning', 4: 'minor', 5: 'information' };

export function messagesPage(view) {
  const region = h('div');
  show(view, h('h1', {}, 'Messages and alarms'), region);
  const load = async () => {
    try {
      show(region, messageTable(await get('/messages')));
    } catch (err) {
      report(err);
    }
  };
  return live(load, (e) => e.class === 'message');
}

function messageTable(messages) {
  const rows = messages.map((m) => h('tr', { 'data-message': m.id, 'data-name': m.name },
    h('td', {}, `${m.priority} ${PRIORITY[m.priority] || ''}`), h('th', { scope: 'row' }, m.name), h('td', {}, about(m)),
    h('td', {}, m.body), h('td', {}, when(m.createdAt)),
    h('td', { class: 'actions' }, may('message.destroy') ? h('button', { type: 'button', 'data-action': 'dismiss',
      'aria-label': `Dismiss ${m.name}`, onclick: () => attempt(() => del(`/messages/${m.id}`)) }, 'Dismiss') : null)));
  return table('Messages, newest first', ['Priority', 'Message', 'About', 'Text', 'When', 'Actions'], rows, 'No message.');
}

function about(m) {
  if (!m.objectId) return m.objectClass || '';
  const label = `${m.objectClass} ${m.objectId.slice(0, 8)}`;
  return ['vm', 'host'].includes(m.objectClass) ? h('a', { href: `#/${m.objectClass}s/${m.objectId}` }, label) : label;
}
