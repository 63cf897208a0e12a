// One SR: its usage, its PBDs (where it is plugged), its VDIs with what the user may do to each
// (resize, upload an image, download it, delete) and a form for a new VDI. The SR comes from the
// store; PBDs and VDIs are read when the page opens and again after a pbd or vdi event.

import { h, show, usage, bytes, field } from '../render.js';
import { one } from '../store.js';
import { get, post } from '../api.js';
import { live, report, attempt } from '../ui.js';
import { may } from '../session.js';
import { hostName, table } from './common.js';
import { vdiActions } from './vdi-actions.js';

const MIB = 1024 * 1024;

export function srDetailPage(view, { id }) {
  let parts = { pbds: [], vdis: [] };
  // the form is made once, outside what the events re-render, so typing is never lost
  const regions = { title: h('div'), overview: h('div'), pbds: h('div'), vdis: h('div') };
  show(view, regions.title,
    h('section', { class: 'card', 'aria-labelledby': 'sr-overview' }, h('h2', { id: 'sr-overview' }, 'Overview'), regions.overview),
    h('section', { class: 'card', 'aria-labelledby': 'sr-pbds' }, h('h2', { id: 'sr-pbds' }, 'Plugged on'), regions.pbds),
    h('section', { class: 'card', 'aria-labelledby': 'sr-vdis' }, h('h2', { id: 'sr-vdis' }, 'Disks (VDIs)'),
      may('vdi.create') ? newVdiForm(id) : null, regions.vdis));
  const render = () => renderSr(view, id, parts, regions);
  const load = async () => {
    try {
      const [pbds, vdis] = await Promise.all([get(`/pbds?sr=${id}`), get(`/vdis?sr=${id}`)]);
      parts = { pbds, vdis: vdis.filter((v) => v.managed) };
      render();
    } catch (err) {
      report(err);
    }
  };
  const stop = live(render, (e) => e.ref === id || e.class === 'host');
  const stopParts = live(load, (e) => e.class === 'pbd' || e.class === 'vdi');
  return () => {
    stop();
    stopParts();
  };
}

function renderSr(view, id, { pbds, vdis }, regions) {
  const sr = one('sr', id);
  if (!sr) {
    show(view, h('h1', {}, 'SR not found'), h('a', { href: '#/storage' }, 'All storage'));
    return;
  }
  const facts = [['Type', sr.type], ['Content', sr.contentType || '—'], ['Sharing', sr.shared ? 'shared' : 'local'],
    ['Allocated to disks', bytes(sr.virtualAllocation)], ['Description', sr.description || '—'], ['Id', sr.id]];
  show(regions.title, h('div', { class: 'title' }, h('h1', {}, sr.name)));
  show(regions.overview, usage(sr.physicalUtilisation, sr.physicalSize, `Space used on ${sr.name}`),
    h('dl', { class: 'facts' }, facts.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])));
  show(regions.pbds, pbdTable(pbds));
  show(regions.vdis, vdiTable(vdis));
}

function pbdTable(pbds) {
  const rows = pbds.map((pbd) => h('tr', { 'data-pbd': pbd.id },
    h('th', { scope: 'row' }, h('a', { href: `#/hosts/${pbd.hostId}` }, hostName(pbd.hostId) || pbd.hostId)),
    h('td', {}, pbd.currentlyAttached ? 'plugged' : 'unplugged'),
    h('td', {}, Object.entries(pbd.deviceConfig || {}).map(([k, v]) => `${k}=${v}`).join(', '))));
  return table('Hosts this SR is attached to (PBDs)', ['Host', 'State', 'Device configuration'], rows, 'This SR is attached to no host.');
}

function vdiTable(vdis) {
  const rows = [...vdis].sort((a, b) => a.name.localeCompare(b.name)).map((vdi) => h('tr', { 'data-vdi': vdi.id, 'data-name': vdi.name },
    h('th', { scope: 'row' }, vdi.name),
    h('td', {}, bytes(vdi.virtualSize)),
    h('td', {}, bytes(vdi.physicalUtilisation)),
    h('td', {}, vdi.vbds && vdi.vbds.length ? 'in use by a VM' : (vdi.currentOperation || 'free')),
    h('td', { class: 'actions' }, vdiActions(vdi))));
  return table('Disks on this SR', ['Disk', 'Size', 'Space used', 'State', 'Actions'], rows, 'No disk on this SR.');
}

function newVdiForm(srId) {
  const name = h('input', { id: 'vdi-name', required: true, maxlength: 255 });
  const size = h('input', { id: 'vdi-size', type: 'number', min: 1, max: 67108864, value: 1024, required: true });
  return h('form', { class: 'filters', id: 'new-vdi', 'aria-label': 'New disk on this SR',
    onsubmit: (e) => {
      e.preventDefault();
      attempt(() => post('/vdis', { srId, name: name.value, virtualSize: Number(size.value) * MIB }));
    } },
  field('New disk name', name), field('Size (MiB)', size), h('button', { type: 'submit', class: 'primary', id: 'vdi-create' }, 'Create disk'));
}
