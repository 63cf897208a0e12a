-- Built-in templates: a Linux guest for pv and pvh (direct kernel boot from a kernel in dom0) and
-- a generic hvm guest (firmware boots its disks or CD-ROM). VMs are created from them.
-- Kernel paths are where an administrator puts a guest kernel in each host's dom0.

insert into vm (id, name, description, is_a_template, is_default_template, power_state,
                memory_static_min, memory_static_max, memory_dynamic_min, memory_dynamic_max,
                vcpus_max, vcpus_at_startup, domain_type, kernel, ramdisk, cmdline, boot_order, platform, other_config)
values
    ('6a1f2d3e-0000-4000-8000-000000000001', 'Linux (PVH)',
     'A Linux guest in a PVH container, booted directly from a kernel and initrd in dom0.',
     true, true, 'HALTED', 268435456, 1073741824, 536870912, 1073741824, 2, 2, 'pvh',
     '/var/lib/xenplane/guest/vmlinuz', '/var/lib/xenplane/guest/initrd.img', 'console=hvc0 root=/dev/xvda1 ro',
     null, '{}', '{"install-methods": "kernel"}'),
    ('6a1f2d3e-0000-4000-8000-000000000002', 'Linux (PV)',
     'A paravirtualised Linux guest, booted directly from a kernel and initrd in dom0.',
     true, true, 'HALTED', 268435456, 1073741824, 536870912, 1073741824, 2, 2, 'pv',
     '/var/lib/xenplane/guest/vmlinuz', '/var/lib/xenplane/guest/initrd.img', 'console=hvc0 root=/dev/xvda1 ro',
     null, '{}', '{"install-methods": "kernel"}'),
    ('6a1f2d3e-0000-4000-8000-000000000003', 'Other install media (HVM)',
     'A fully virtualised guest of any operating system, booted by firmware from disk or CD-ROM.',
     true, true, 'HALTED', 536870912, 2147483648, 2147483648, 2147483648, 2, 2, 'hvm',
     null, null, null, 'dc', '{"viridian": "true", "acpi": "1", "apic": "true", "pae": "true", "nx": "true"}',
     '{"install-methods": "cdrom"}');
