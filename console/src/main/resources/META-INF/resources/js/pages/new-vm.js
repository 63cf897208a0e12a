// The new-VM wizard: a template, a name, CPUs and memory, a disk on a chosen SR, a network, and
// whether to start it. Submitting makes the same public calls a script would: create the VM,
// create its disk and attach it, add its NIC, start it; each step is listed as it happens, and a
// failed step says what was already made (the VM stays, to fix or delete).

import { h, show, field } from '../render.js';
import { get, post } from '../api.js';
import { all } from '../store.js';
import { go } from '../router.js';
import { report, clearReport } from '../ui.js';

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;

export function newVmPage(view) {
  show(view, h('h1', {}, 'New VM'), h('p', {}, 'Loading templates and networks…'));
  Promise.all([get('/vms?template=true'), get('/networks')])
    .then(([templates, networks]) => form(view, templates.filter((t) => t.isATemplate && !t.isASnapshot), networks))
    .catch(report);
}

function form(view, templates, networks) {
  const c = {
    template: h('select', { id: 'wiz-template', required: true }, templates.map((t) => h('option', { value: t.id }, t.name))),
    name: h('input', { id: 'wiz-name', required: true, maxlength: 255 }),
    cpus: h('input', { id: 'wiz-cpus', type: 'number', min: 1, max: 64, value: 1, required: true }),
    memory: h('input', { id: 'wiz-memory', type: 'number', min: 16, step: 16, value: 256, required: true }),
    sr: h('select', { id: 'wiz-sr' }, h('option', { value: '' }, 'No disk'),
      all('sr').map((sr) => h('option', { value: sr.id }, `${sr.name} (${sr.type})`))),
    disk: h('input', { id: 'wiz-disk', type: 'number', min: 1, max: 65536, value: 1 }),
    network: h('select', { id: 'wiz-network' }, h('option', { value: '' }, 'No network'),
      networks.map((n) => h('option', { value: n.id }, `${n.name} (${n.bridge})`))),
    start: h('input', { id: 'wiz-start', type: 'checkbox', checked: true }),
  };
  const steps = h('ol', { id: 'wiz-steps', class: 'steps', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'wiz-create' }, 'Create VM');
  show(view, h('h1', {}, 'New VM'),
    h('form', { class: 'card wizard', onsubmit: (e) => { e.preventDefault(); create(c, steps, submit); } },
      h('fieldset', {}, h('legend', {}, '1. Template and name'), field('Template', c.template), field('Name', c.name)),
      h('fieldset', {}, h('legend', {}, '2. CPUs and memory'), field('vCPUs', c.cpus), field('Memory (MiB)', c.memory)),
      h('fieldset', {}, h('legend', {}, '3. Disk'), field('Storage repository', c.sr), field('Disk size (GiB)', c.disk)),
      h('fieldset', {}, h('legend', {}, '4. Network'), field('Network', c.network)),
      h('fieldset', {}, h('legend', {}, '5. Start'), h('label', { class: 'check' }, c.start, ' Start the VM once it is created')),
      submit, steps));
  c.name.focus();
}

async function create(c, steps, submit) {
  clearReport();
  submit.disabled = true;
  steps.replaceChildren();
  const step = async (text, call) => {
    const item = h('li', {}, `${text}…`);
    steps.append(item);
    const answer = await call();
    item.textContent = `${text}: done`;
    return answer;
  };
  let vm = null;
  try {
    const memory = Number(c.memory.value) * MIB;
    const cpus = Number(c.cpus.value);
    vm = await step('Create the VM', () => post('/vms', {
      template: c.template.value, name: c.name.value, vcpusMax: cpus, vcpusAtStartup: cpus,
      memoryStaticMin: memory, memoryDynamicMin: memory, memoryDynamicMax: memory, memoryStaticMax: memory,
    }));
    if (c.sr.value) {
      const vdi = await step('Create its disk', () => post('/vdis', {
        srId: c.sr.value, name: `${c.name.value} disk 0`, virtualSize: Number(c.disk.value) * GIB,
      }));
      await step('Attach the disk', () => post('/vbds', { vmId: vm.id, vdiId: vdi.id, userdevice: 0, mode: 'RW', bootable: true }));
    }
    if (c.network.value) {
      await step('Add its network interface', () => post('/vifs', { vmId: vm.id, networkId: c.network.value, device: 0 }));
    }
    if (c.start.checked) await step('Start it', () => post(`/vms/${vm.id}/start`, { paused: false }));
    go(`/vms/${vm.id}`);
  } catch (err) {
    steps.append(h('li', { class: 'error' }, vm ? `Failed; the VM "${vm.name}" was created and stays: open it to fix or delete it.` : 'Failed; nothing was created.'));
    if (vm) steps.append(h('li', {}, h('a', { href: `#/vms/${vm.id}` }, `Open ${vm.name}`)));
    report(err);
  } finally {
    submit.disabled = false;
  }
}
