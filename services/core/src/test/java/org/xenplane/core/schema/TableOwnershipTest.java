package org.xenplane.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Each service owns its tables (docs/architecture.md, "Who owns which table"): no other module runs
 * SQL on them, core included; other services reach them through the owner's interface. Core's own
 * tables (tasks, events, credentials, messages, audit) are the shared machinery every process
 * carries, so any module may name them. This test reads every module's migrations and main
 * sources, and fails on a reference to another service's table that is not in {@link #KNOWN}, and
 * on an entry of {@link #KNOWN} that is gone (so that the list only shrinks).
 */
class TableOwnershipTest {
    private static final String SHARED = "core";

    /**
     * The cross-service references still in the code ({@code module -> table}). Remove an entry
     * when its reference goes; never add one without saying in docs/architecture.md why.
     */
    static final Set<String> KNOWN = Set.of(
            // the pool's host table: core's Hosts is the daemon link's one reader; the rest join it in their own queries
            "core -> host", "network -> host", "vm -> host", "monitoring -> host",
            // the VM service's invariant check on attached disks
            "vm -> vbd",
            // monitoring: its alarms and archives name the objects they watch
            "monitoring -> sr", "monitoring -> dynamic:table",
            // NetworkClaims marks rows of its own network, pif and vif tables, picked from a closed list
            "network -> dynamic:table");

    private final SqlTableReferences sources = SqlTableReferences.ofThisCheckout();

    @Test
    void noModuleNamesAnotherServicesTableInSql() {
        List<SqlTableReferences.Reference> crossing = crossServiceReferences();
        Set<String> pairs = crossing.stream().map(r -> r.module() + " -> " + r.table()).collect(Collectors.toSet());
        System.out.println("cross-service table references: " + crossing.size() + " in files, " + pairs.size()
                + " module -> table");
        crossing.forEach(r -> System.out.println("  " + r));

        assertThat(crossing).as("SQL on another service's table").allMatch(r -> KNOWN.contains(r.module() + " -> " + r.table()));
        assertThat(KNOWN).as("known references that are gone: remove them from KNOWN").isSubsetOf(pairs);
    }

    @Test
    void everyServiceOwnsTheTablesItsMigrationsCreate() {
        Map<String, String> owners = sources.owners();

        assertThat(owners).containsEntry("vif", "network").containsEntry("vbd", "storage").containsEntry("vm", "vm")
                .containsEntry("host", "pool").containsEntry("task", "core");
    }

    @Test
    void findsTablesInTextBlocksFragmentsAndSchemaProbesButNotInJpqlOrProse() {
        Map<String, String> owners = Map.of("vif", "network", "vm", "vm", "network", "network", "pbd", "storage");
        String source = """
                class X {
                    String a = \"\"\"
                            select v.id from vif v join network n on n.id = v.network_id\"\"\";
                    String b = " from pbd where " + where;
                    String c = "select to_regclass('vm') is not null";
                    String d = "from Vm v where v.id = ?1";
                    String e = "the VM is detached from network eth0";
                    String f = "select 1 from " + table + " where id = ?1";
                }""";

        assertThat(SqlTableReferences.tablesIn(source, owners)).containsExactly("dynamic:table", "vif", "network", "pbd", "vm");
    }

    private List<SqlTableReferences.Reference> crossServiceReferences() {
        Map<String, String> owners = sources.owners();
        return sources.references(owners).stream()
                .filter(r -> !r.module().equals(owners.get(r.table())) && !SHARED.equals(owners.get(r.table())))
                .toList();
    }
}
