package org.xenplane.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI against the packaged server and a daemon simulating two hosts (one start shared by the
 * class): a VM's whole life through {@code xenplane} and through {@code xenplane xe}, JSON output,
 * and the errors and exit codes a user meets.
 *
 * <p>The packaged jar runs as a process through its launcher ({@code launcher}, and {@code xe}
 * through a symlink) where the process is what is proven: the login that writes the 0600
 * configuration file every later command reads, JSON output, operations waiting for their task,
 * and an error's exit code. Every other command runs in this JVM through {@code Main.run}
 * ({@code cli}), the code the jar's {@code main} runs, with the same configuration directory and
 * the same server: its output and exit code are what the process would print and exit with,
 * without a JVM start per command.
 */
class CliIT {
    @TempDir
    static Path work;

    private static PackagedPool pool;
    private static LauncherCli launcher;
    private static Cli cli;

    @BeforeAll
    static void startPoolAndLogIn() throws Exception {
        pool = PackagedPool.start(Files.createDirectories(work.resolve("pool")));
        launcher = new LauncherCli(work);
        cli = new InProcessCli(work);
        launcher.runWithInput(PackagedPool.ADMIN_PASSWORD + "\n", "login", pool.url, "--user", "admin", "--password-stdin").ok();
    }

    @AfterAll
    static void stopPool() throws Exception {
        if (pool != null) {
            pool.close();
        }
    }

    /** The launcher's login (password on standard input) wrote the session, not the password, to a 0600 file a later process reads. */
    @Test
    void loginKeepsTheSessionInAFileOnlyItsOwnerReadsAndNamesTheContext() throws Exception {
        Path config = InProcessCli.configHome(work).resolve("xenplane/config");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");
        assertThat(Files.readString(config)).doesNotContain(PackagedPool.ADMIN_PASSWORD);
        assertThat(launcher.run("context", "list").ok().lines()).containsExactly(
                "CURRENT  NAME     URL" + " ".repeat(pool.url.length() - 1) + "USER", "*        default  " + pool.url + "  admin");
    }

    /**
     * Every power operation, migrate, snapshot, clone and delete change the VM as they say; JSON
     * and the launched start (which waits for its task and names the host) through the launcher.
     */
    @Test
    void aVmGoesThroughItsWholeLifeThroughXenplane() throws Exception {
        List<String> hosts = new ArrayList<>();
        launcher.run("host", "list", "-o", "json").ok().json().forEach(h -> hosts.add(h.path("name").asText()));
        assertThat(hosts).hasSize(2);
        assertThat(cli.run("host", "list").ok().lines().get(0)).matches("NAME +ID +ENABLED +LIVE +MEMORY-FREE");

        JsonNode created = cli.run("vm", "create", "life-1", "--template", "Linux (PVH)", "--memory", "256M", "-o", "json").ok().json();
        assertThat(created.path("powerState").asText()).isEqualTo("halted");
        assertThat(created.path("memoryStaticMax").asLong()).isEqualTo(256L << 20);

        assertThat(launcher.run("vm", "start", "life-1", "--on", hosts.get(0)).ok().out())
                .contains("vm life-1 started on " + hosts.get(0));
        assertThat(vm("life-1").path("powerState").asText()).isEqualTo("running");
        cli.run("vm", "suspend", "life-1").ok();
        assertThat(vm("life-1").path("powerState").asText()).isEqualTo("suspended");
        cli.run("vm", "resume", "life-1").ok();
        cli.run("vm", "reboot", "life-1").ok();
        cli.run("vm", "migrate", "life-1", "--to", hosts.get(1)).ok();
        assertThat(vm("life-1").path("residentOn").asText()).isEqualTo(hostId(hosts.get(1)));
        cli.run("vm", "shutdown", "life-1").ok();
        assertThat(vm("life-1").path("powerState").asText()).isEqualTo("halted");

        assertThat(cli.run("vm", "snapshot", "life-1", "life-1-snap", "-o", "name").ok().out()).isEqualTo("life-1-snap\n");
        assertThat(cli.run("vm", "clone", "life-1", "life-1-clone", "-o", "name").ok().out()).isEqualTo("life-1-clone\n");
        assertThat(cli.run("vm", "list", "-o", "name").ok().lines()).contains("life-1", "life-1-clone").doesNotContain("life-1-snap");
        cli.run("vm", "delete", "life-1-clone").ok();
        cli.run("vm", "delete", "life-1").ok();
        assertThat(cli.run("vm", "list", "-o", "name").ok().lines()).doesNotContain("life-1", "life-1-clone");
    }

    /**
     * The same life through xe's commands and layout, the launcher called as {@code xe} included;
     * a wrong state, a read-only field and a gone VM exit 4, 2 and 3.
     */
    @Test
    void aVmGoesThroughItsWholeLifeThroughXe() throws Exception {
        List<String> hosts = List.of(launcher.asXe().run("host-list", "params=name-label", "--minimal").ok().out().trim().split(","));
        assertThat(hosts).hasSize(2);
        String uuid = cli.run("xe", "vm-install", "template=Linux (PVH)", "new-name-label=xe-1").ok().out().trim();
        assertThat(cli.run("xe", "vm-list", "name-label=xe-1", "--minimal").ok().out()).isEqualTo(uuid + "\n");

        launcher.asXe().run("vm-start", "vm=xe-1", "on=" + hosts.get(0)).ok();
        assertThat(cli.run("xe", "vm-list", "uuid=" + uuid).ok().lines()).containsExactly(
                "uuid ( RO)       : " + uuid, " name-label ( RW): xe-1", "power-state ( RO): running", "", "");
        cli.run("xe", "vm-suspend", "uuid=" + uuid).ok();
        assertThat(param(uuid, "power-state")).isEqualTo("suspended");
        cli.run("xe", "vm-resume", "uuid=" + uuid).ok();
        cli.run("xe", "vm-reboot", "uuid=" + uuid, "--force").ok();
        cli.run("xe", "vm-migrate", "uuid=" + uuid, "host=" + hosts.get(1)).ok();
        assertThat(param(uuid, "resident-on")).isEqualTo(hostId(hosts.get(1)));
        cli.run("xe", "vm-shutdown", "uuid=" + uuid, "--force").ok();
        assertThat(param(uuid, "power-state")).isEqualTo("halted");
        cli.run("xe", "vm-shutdown", "uuid=" + uuid).fails(4, "VM_BAD_POWER_STATE");

        cli.run("xe", "vm-param-set", "uuid=" + uuid, "name-label=xe-1b", "VCPUs-at-startup=1").ok();
        assertThat(param(uuid, "name-label")).isEqualTo("xe-1b");
        assertThat(param(uuid, "VCPUs-at-startup")).isEqualTo("1");
        cli.run("xe", "vm-param-set", "uuid=" + uuid, "power-state=running").fails(2, "FIELD_READ_ONLY");

        String snapshot = cli.run("xe", "vm-snapshot", "uuid=" + uuid, "new-name-label=xe-snap").ok().out().trim();
        assertThat(cli.run("xe", "template-param-get", "uuid=" + snapshot, "param-name=snapshot-of").ok().out().trim()).isEqualTo(uuid);
        cli.run("xe", "snapshot-revert", "snapshot-uuid=" + snapshot).ok();
        String clone = cli.run("xe", "vm-clone", "uuid=" + uuid, "new-name-label=xe-clone").ok().out().trim();
        cli.run("xe", "vm-uninstall", "uuid=" + clone, "--force").ok();
        cli.run("xe", "vm-uninstall", "uuid=" + uuid, "--force").ok();
        assertThat(cli.run("xe", "vm-list", "name-label=xe-1b", "--minimal").ok().out()).isEqualTo("\n");
        cli.run("xe", "vm-start", "uuid=" + uuid).fails(3, "NOT_FOUND");
    }

    private static String param(String uuid, String name) throws Exception {
        return cli.run("xe", "vm-param-get", "uuid=" + uuid, "param-name=" + name).ok().out().trim();
    }

    /**
     * An SR, a VDI (resized), a VBD, a network and a VIF made by the CLI are attached by the
     * launched start, which waits for its task; a VDI in use cannot be deleted.
     */
    @Test
    void aVmGetsADiskAndANicThatItsStartAttaches() throws Exception {
        String host = cli.run("host", "list", "-o", "name").ok().lines().get(0);
        Path srDir = Files.createDirectories(work.resolve("sr"));
        cli.run("sr", "create", "cli-sr", "--type", "file", "--host", host, "--config", "path=" + srDir).ok();
        cli.run("vdi", "create", "dev-1-root", "--sr", "cli-sr", "--size", "64M").ok();
        assertThat(cli.run("vdi", "resize", "dev-1-root", "--size", "128M").ok().out()).contains("vdi dev-1-root resized");
        cli.run("vm", "create", "dev-1", "--template", "Linux (PVH)", "--memory", "256M").ok();
        String vbd = cli.run("vbd", "create", "--vm", "dev-1", "--vdi", "dev-1-root", "--device", "0", "--bootable", "-o", "json")
                .ok().json().path("id").asText();
        cli.run("network", "create", "cli-net").ok();
        cli.run("vif", "create", "--vm", "dev-1", "--network", "cli-net", "--device", "0").ok();

        launcher.run("vm", "start", "dev-1").ok();

        JsonNode attached = cli.run("vbd", "show", vbd, "-o", "json").ok().json();
        assertThat(attached.path("currentlyAttached").asBoolean()).isTrue();
        assertThat(cli.run("vif", "list", "--fields", "vmId,currentlyAttached", "-o", "wide").ok().lines())
                .contains(vm("dev-1").path("id").asText() + "  true");
        cli.run("vdi", "delete", "dev-1-root").fails(4, "VDI_IN_USE");
        cli.run("vm", "shutdown", "dev-1", "--force").ok();
        cli.run("vm", "delete", "dev-1").ok();
        cli.run("vdi", "delete", "dev-1-root").ok();
    }

    /**
     * {@code ha enable|show|disable} and xe's {@code pool-ha-enable|pool-ha-disable} turn the pool's HA
     * on and off with the settings given (shown by {@code ha show}); enabling twice is a conflict
     * (exit 4), a timeout out of range or not a number a usage error (exit 2). HA is off again after.
     */
    @Test
    void haIsTurnedOnAndOffThroughBothClis() throws Exception {
        try {
            assertThat(cli.run("ha", "show", "-o", "json").ok().json().path("enabled").asBoolean()).isFalse();
            assertThat(cli.run("ha", "enable", "--timeout", "40", "--failures-to-tolerate", "1").ok().out())
                    .contains("HA enabled: T = 40 s, 1 host failure(s) tolerated");
            JsonNode on = cli.run("ha", "show", "-o", "json").ok().json();
            assertThat(on.path("enabled").asBoolean()).isTrue();
            assertThat(on.path("timeoutSeconds").asInt()).isEqualTo(40);
            assertThat(on.path("hostFailuresToTolerate").asInt()).isEqualTo(1);
            assertThat(cli.run("ha", "show").ok().lines()).anyMatch(line -> line.matches("timeoutSeconds +40"));
            cli.run("ha", "enable").fails(4, "HA_IS_ENABLED");
            cli.run("xe", "pool-ha-disable").ok();
            assertThat(cli.run("ha", "show", "-o", "json").ok().json().path("enabled").asBoolean()).isFalse();
            cli.run("xe", "pool-ha-enable", "ha-config:timeout=5").fails(2, "HA_CONFIG_INVALID");
            cli.run("xe", "pool-ha-enable", "ha-config:timeout=soon").fails(2, "INVALID_VALUE");
            cli.run("xe", "pool-ha-enable", "ha-config:timeout=20", "heartbeat-sr-uuids=none").ok();
            assertThat(cli.run("ha", "show", "-o", "json").ok().json().path("timeoutSeconds").asInt()).isEqualTo(20);
        } finally {
            cli.run("ha", "disable");
        }
        assertThat(cli.run("ha", "show", "-o", "json").ok().json().path("enabled").asBoolean()).isFalse();
    }

    /**
     * {@code host maintenance enter} waits for its task and leaves the host disabled, in maintenance,
     * its VM moved to the other host; entering again is a conflict (exit 4); {@code exit} enables
     * it; {@code host evacuate} and xe's {@code host-evacuate uuid=} each move the VM away again.
     */
    @Test
    void aHostGoesIntoMaintenanceAndBackAndIsEvacuatedThroughBothClis() throws Exception {
        List<String> hosts = cli.run("host", "list", "-o", "name").ok().lines();
        String host = hosts.get(1);
        String other = hostId(hosts.get(0));
        cli.run("vm", "create", "maint-1", "--template", "Linux (PVH)", "--memory", "256M").ok();
        cli.run("vm", "start", "maint-1", "--on", host).ok();

        assertThat(launcher.run("host", "maintenance", "enter", host).ok().out()).contains("host " + host + " in maintenance");

        JsonNode shown = cli.run("host", "show", host, "-o", "json").ok().json();
        assertThat(shown.path("maintenance").asBoolean()).isTrue();
        assertThat(shown.path("enabled").asBoolean()).isFalse();
        assertThat(vm("maint-1").path("residentOn").asText()).isEqualTo(other);
        cli.run("host", "maintenance", "enter", host).fails(4, "OPERATION_NOT_ALLOWED");
        cli.run("host", "maintenance", "exit", host).ok();
        assertThat(cli.run("host", "show", host, "-o", "json").ok().json().path("enabled").asBoolean()).isTrue();

        cli.run("vm", "migrate", "maint-1", "--to", host).ok();
        cli.run("xe", "host-evacuate", "uuid=" + hostId(host)).ok();
        assertThat(vm("maint-1").path("residentOn").asText()).isEqualTo(other);
        cli.run("vm", "migrate", "maint-1", "--to", host).ok();
        cli.run("host", "evacuate", host).ok();
        assertThat(vm("maint-1").path("residentOn").asText()).isEqualTo(other);
        cli.run("vm", "shutdown", "maint-1", "--force").ok();
    }

    /** {@code --async} prints the task's id at once, and {@code task show} and {@code task list} find that task. */
    @Test
    void asyncPrintsTheTaskWhichTaskShowFinds() throws Exception {
        cli.run("vm", "create", "async-1", "--template", "Linux (PVH)", "--memory", "256M").ok();

        String task = cli.run("vm", "start", "async-1", "--async").ok().out().trim();

        JsonNode shown = cli.run("task", "show", task, "-o", "json").ok().json();
        assertThat(shown.path("operation").asText()).isEqualTo("vm.start");
        assertThat(cli.run("task", "list", "--fields", "id,operation").ok().out()).contains(task + "  vm.start");
    }

    /**
     * Not found (the launched process's exit code), ambiguous, wrong state, role too low, a bad
     * command and no login each say their code on standard error and exit with theirs.
     */
    @Test
    void errorsSayTheirCodeAndExitWithWhatFailed() throws Exception {
        launcher.run("vm", "show", "no-such-vm").fails(3, "NOT_FOUND");
        cli.run("vm", "create", "twin", "--template", "Linux (PVH)", "--memory", "256M").ok();
        cli.run("vm", "create", "twin", "--template", "Linux (PVH)", "--memory", "256M").ok();
        Cli.Result ambiguous = cli.run("vm", "start", "twin").fails(2, "NAME_AMBIGUOUS");
        cli.run("vm", "list", "-o", "json").ok().json().forEach(v -> {
            if ("twin".equals(v.path("name").asText())) {
                assertThat(ambiguous.err()).contains(v.path("id").asText());
            }
        });

        cli.run("vm", "create", "halted-1", "--template", "Linux (PVH)", "--memory", "256M").ok();
        Cli.Result wrongState = cli.run("vm", "shutdown", "halted-1").fails(4, "VM_BAD_POWER_STATE");
        assertThat(wrongState.err()).contains("halted");

        cli.runWithInput("read-only-password\n", "user", "create", "watcher", "--role", "read-only", "--password-stdin").ok();
        cli.runWithInput("read-only-password\n", "--context", "ro", "login", pool.url, "--user", "watcher", "--password-stdin").ok();
        assertThat(cli.run("--context", "ro", "vm", "list", "-o", "name").ok().lines()).contains("halted-1");
        Cli.Result denied = cli.run("--context", "ro", "vm", "start", "halted-1").fails(5, "RBAC_PERMISSION_DENIED");
        assertThat(denied.err()).contains("vm-operator");

        Cli.Result usage = cli.run("vm", "frobnicate", "halted-1");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.err()).contains("Unmatched argument");
        cli.run("context", "use", "ro").ok();
        cli.run("logout").ok();
        cli.run("vm", "list").fails(5, "NOT_LOGGED_IN");
        cli.run("context", "use", "default").ok();
    }

    private static JsonNode vm(String name) throws Exception {
        return cli.run("vm", "show", name, "-o", "json").ok().json();
    }

    private static String hostId(String name) throws Exception {
        return cli.run("host", "show", name, "-o", "json").ok().json().path("id").asText();
    }
}
