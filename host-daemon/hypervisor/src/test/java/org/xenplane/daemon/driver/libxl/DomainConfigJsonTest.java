package org.xenplane.daemon.driver.libxl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xenplane.daemon.protocol.DiskSpec;
import org.xenplane.daemon.protocol.DomainSpec;
import org.xenplane.daemon.protocol.DomainType;
import org.xenplane.daemon.protocol.NicSpec;

/**
 * The JSON the driver writes uses libxl's own key names, for each domain type: libxl itself
 * parses it ({@code libxl_domain_config_from_json}) and writes it back
 * ({@code libxl_domain_config_to_json}), and every value we wrote must come back. libxl ignores
 * keys it does not know, so a misspelt key would be missing from what comes back.
 *
 * <p>{@code from_json} needs a context, which off Xen cannot be had: the test hands it a zeroed
 * stand-in whose first field is a logger, which is all JSON parsing touches (libxl_internal.h:
 * {@code struct libxl__ctx} begins with {@code xentoollog_logger *lg}). Test-only; the driver
 * always uses a real context.
 */
class DomainConfigJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Values libxl treats as its defaults and therefore leaves out when it writes JSON. */
    private static final Set<String> LIBXL_DEFAULTS = Set.of("on_poweroff=\"destroy\"", "on_crash=\"destroy\"");

    private LibxlLibraries libraries;
    private Memory standIn;
    private XtlLogger logger;

    @BeforeEach
    void standInContext() {
        libraries = LibxlTestSupport.librariesOrSkip();
        logger = libraries.toolLog.xtl_createlogger_stdiostream(libraries.stderr(), XenToolLog.XTL_ERROR, 0);
        standIn = new Memory(1 << 16);
        standIn.clear();
        standIn.setPointer(0, logger.getPointer());
    }

    @AfterEach
    void release() {
        if (standIn != null) {
            libraries.toolLog.xtl_logger_destroy(logger);
            standIn.close();
        }
    }

    @ParameterizedTest
    @EnumSource(DomainType.class)
    void libxlReadsBackEveryKeyWeWrite(DomainType type) throws Exception {
        String ours = DomainConfigJson.of(spec(type));
        JsonNode back = JSON.readTree(roundTrip(ours));
        assertSameValues("", JSON.readTree(ours), back);
        assertThat(back.path("c_info").path("type").asText()).isEqualTo(type.wireName());
        assertThat(back.path("b_info").has("type." + type.wireName())).isTrue();
    }

    /** Hot-plug hands libxl one device at a time: every key of a disk, a CD drive and a NIC survives libxl's parser. */
    @Test
    void libxlReadsBackEveryKeyOfAHotPluggedDevice() throws Exception {
        Libxl libxl = libraries.libxl;
        LibxlCalls calls = new LibxlCalls(libraries.libc);
        for (DiskSpec disk : List.of(new DiskSpec("xvdb", "/srv/disks/data.qcow2", "qcow2", false),
                new DiskSpec("xvdd", "/srv/iso/tools.iso", "raw", true, true), new DiskSpec("xvdd", null, "raw", true, true))) {
            String ours = DomainConfigJson.disk(disk);
            try (NativeBuffer d = NativeBuffer.of(LibxlAbi.SPARE, libxl::libxl_device_disk_init, libxl::libxl_device_disk_dispose)) {
                LibxlCalls.check(libxl.libxl_device_disk_from_json(new LibxlCtx(standIn), d.pointer(), ours),
                        "libxl_device_disk_from_json");
                assertSameValues("disk.", JSON.readTree(ours),
                        JSON.readTree(calls.takeString(libxl.libxl_device_disk_to_json(null, d.pointer()))));
            }
        }
        String nic = DomainConfigJson.nic(new NicSpec("00:16:3e:12:34:57", "xenbr1", 9000, "e1000"));
        try (NativeBuffer n = NativeBuffer.of(LibxlAbi.SPARE, libxl::libxl_device_nic_init, libxl::libxl_device_nic_dispose)) {
            LibxlCalls.check(libxl.libxl_device_nic_from_json(new LibxlCtx(standIn), n.pointer(), nic),
                    "libxl_device_nic_from_json");
            assertSameValues("nic.", JSON.readTree(nic),
                    JSON.readTree(calls.takeString(libxl.libxl_device_nic_to_json(null, n.pointer()))));
        }
    }

    private String roundTrip(String json) {
        Libxl libxl = libraries.libxl;
        try (NativeBuffer config = NativeBuffer.of(LibxlAbi.SPARE, libxl::libxl_domain_config_init,
                libxl::libxl_domain_config_dispose)) {
            LibxlCalls.check(libxl.libxl_domain_config_from_json(new LibxlCtx(standIn), config.pointer(), json),
                    "libxl_domain_config_from_json");
            Pointer text = libxl.libxl_domain_config_to_json(null, config.pointer());
            return new LibxlCalls(libraries.libc).takeString(text);
        }
    }

    private static void assertSameValues(String path, JsonNode ours, JsonNode back) {
        if (ours.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = ours.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (LIBXL_DEFAULTS.contains(field.getKey() + "=" + field.getValue())) {
                    continue;
                }
                assertThat(back.has(field.getKey())).as("libxl kept %s%s", path, field.getKey()).isTrue();
                assertSameValues(path + field.getKey() + ".", field.getValue(), back.get(field.getKey()));
            }
        } else if (ours.isArray()) {
            assertThat(back.size()).as("length of %s", path).isEqualTo(ours.size());
            for (int i = 0; i < ours.size(); i++) {
                assertSameValues(path + "[" + i + "].", ours.get(i), back.get(i));
            }
        } else {
            assertThat(back.asText()).as("value of %s", path).isEqualTo(ours.asText());
        }
    }

    private static DomainSpec spec(DomainType type) {
        boolean hvm = type == DomainType.HVM;
        return new DomainSpec(UUID.fromString("5f4c1a3e-1111-2222-3333-444455556666"), "web-1", type,
                1024L << 20, 768L << 20, 4, 2, hvm ? null : "/var/lib/xenplane/guest/vmlinuz",
                hvm ? null : "/var/lib/xenplane/guest/initrd.img", hvm ? null : "console=hvc0 root=/dev/xvda1",
                hvm ? "dc" : null, hvm ? Map.of("viridian", "true") : Map.of(),
                List.of(new DiskSpec("xvda", "/srv/disks/web-1.qcow2", "qcow2", false),
                        new DiskSpec("xvdb", "/srv/iso/install.iso", "raw", true, true),
                        new DiskSpec("xvdc", null, "raw", true, true)),
                List.of(new NicSpec("00:16:3e:12:34:56", "xenbr0"),
                        new NicSpec("00:16:3e:12:34:57", "xenbr1", 9000, hvm ? "e1000" : null)));
    }
}
