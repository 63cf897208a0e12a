package org.xenplane.daemon.driver.libxl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.xenplane.daemon.protocol.DiskSpec;
import org.xenplane.daemon.protocol.DomainSpec;
import org.xenplane.daemon.protocol.DomainType;
import org.xenplane.daemon.protocol.NicSpec;

/**
 * A {@link DomainSpec} as libxl's JSON form of {@code libxl_domain_config}, which
 * {@code libxl_domain_config_from_json} loads: libxl's own key names ({@code c_info},
 * {@code b_info.max_memkb}, the {@code type.pvh} union key, ...), checked against libxl itself by
 * {@code DomainConfigJsonTest}. The domain is named after its VM's uuid, so names never collide.
 */
public final class DomainConfigJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long KIB = 1024;

    private DomainConfigJson() {
    }

    public static String of(DomainSpec spec) {
        ObjectNode config = JSON.createObjectNode();
        ObjectNode cInfo = config.putObject("c_info");
        cInfo.put("type", spec.type().wireName());
        cInfo.put("name", spec.vmId().toString());
        cInfo.put("uuid", spec.vmId().toString());
        buildInfo(config.putObject("b_info"), spec);
        ArrayNode disks = config.putArray("disks");
        spec.disks().forEach(d -> disk(disks.addObject(), d));
        ArrayNode nics = config.putArray("nics");
        spec.nics().forEach(n -> nic(nics.addObject(), n));
        config.put("on_poweroff", "destroy");
        config.put("on_reboot", "restart");
        config.put("on_crash", "destroy");
        return config.toString();
    }

    private static void buildInfo(ObjectNode b, DomainSpec spec) {
        b.put("max_vcpus", spec.vcpusMax());
        ArrayNode online = b.putArray("avail_vcpus");
        for (int i = 0; i < spec.vcpusOnline(); i++) {
            online.add(i);
        }
        b.put("max_memkb", spec.memoryStaticMax() / KIB);
        b.put("target_memkb", spec.memoryTarget() / KIB);
        if (spec.type().directKernelBoot()) {
            putIfSet(b, "kernel", spec.kernel());
            putIfSet(b, "ramdisk", spec.ramdisk());
            putIfSet(b, "cmdline", spec.cmdline());
        }
        ObjectNode typed = b.putObject("type." + spec.type().wireName());
        if (spec.type() == DomainType.HVM) {
            typed.put("boot", spec.bootOrder() == null || spec.bootOrder().isBlank() ? "cd" : spec.bootOrder());
            String viridian = spec.platform().get("viridian");
            if (viridian != null) {
                typed.put("viridian", Boolean.parseBoolean(viridian) ? "True" : "False");
            }
        }
    }

    /** One disk as {@code libxl_device_disk_from_json} reads it (hot-plug, CD insert and eject). */
    public static String disk(DiskSpec disk) {
        ObjectNode d = JSON.createObjectNode();
        disk(d, disk);
        return d.toString();
    }

    /** One NIC as {@code libxl_device_nic_from_json} reads it. */
    public static String nic(NicSpec nic) {
        ObjectNode n = JSON.createObjectNode();
        nic(n, nic);
        return n.toString();
    }

    private static void disk(ObjectNode d, DiskSpec disk) {
        d.put("vdev", disk.vdev());
        if (disk.hasMedium()) {
            d.put("pdev_path", disk.path());
            d.put("format", disk.format());
            // qcow2 needs QEMU's qdisk back end (qemu-system-xen in dom0); for raw, libxl chooses,
            // as xl does: the kernel's blkback through a loop device, with no QEMU per domain
            if ("qcow2".equals(disk.format())) {
                d.put("backend", "qdisk");
            }
        } else {
            d.put("format", "empty"); // an empty CD drive
        }
        if (disk.cdrom()) {
            d.put("is_cdrom", 1);
        }
        if (!disk.readOnly()) {
            d.put("readwrite", 1); // libxl's default is 0, read-only
        }
    }

    private static void nic(ObjectNode n, NicSpec nic) {
        n.put("mac", nic.mac());
        n.put("bridge", nic.bridge());
        n.put("mtu", nic.mtu());
        putIfSet(n, "model", nic.model());
    }

    private static void putIfSet(ObjectNode node, String key, String value) {
        if (value != null && !value.isEmpty()) {
            node.put(key, value);
        }
    }
}
