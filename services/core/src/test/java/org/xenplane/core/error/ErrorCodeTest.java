package org.xenplane.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every error speaks to a person: a hand-written title, and a detail sentence filled with its values. */
class ErrorCodeTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    @Test
    void everyCodeHasAHandWrittenTitleNotTheEnumName() {
        for (ErrorCode code : ErrorCode.values()) {
            String derived = code.name().replace('_', ' ').toLowerCase(Locale.ROOT);
            assertThat(code.title()).as("title of %s", code).isNotBlank()
                    .isNotEqualToIgnoringCase(derived)
                    .doesNotContain("_")
                    .matches("[A-Z].*[^.]");
        }
    }

    @Test
    void everyDetailIsASentenceUsingOnlyItsOwnParameters() {
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(code.detailTemplate()).as("detail of %s", code).matches("[A-Z'{].*\\.").doesNotContain(code.name());
            Matcher m = PLACEHOLDER.matcher(code.detailTemplate());
            while (m.find()) {
                assertThat(code.parameterNames()).as("placeholder {%s} of %s", m.group(1), code).contains(m.group(1));
            }
        }
    }

    @Test
    void memoryConstraintViolationShowsTheConflictingValues() {
        XenplaneException e = new XenplaneException(ErrorCode.MEMORY_CONSTRAINT_VIOLATION,
                "memoryStaticMin <= memoryDynamicMin <= memoryDynamicMax <= memoryStaticMax",
                1073741824L, 536870912L, 1073741824L, 2147483648L);
        Problem problem = Problem.of(e);
        assertThat(problem.title()).isEqualTo("Memory settings conflict");
        assertThat(problem.detail()).contains("memoryStaticMin=1073741824", "memoryDynamicMin=536870912",
                "memoryDynamicMax=1073741824", "memoryStaticMax=2147483648");
        assertThat(problem.parameters()).containsEntry("dynamic_min", "536870912");
    }

    @Test
    void unknownDataSourceListsTheValidOnes() {
        Problem problem = Problem.of(new XenplaneException(ErrorCode.METRICS_DATA_SOURCE_UNKNOWN,
                "vm 6a1f2d3e-0000-4000-8000-000000000001", "cpu9", "cpu0, memory, vif_0_rx"));
        assertThat(problem.detail()).contains("'cpu9'", "Ask for one of: cpu0, memory, vif_0_rx.");
        assertThat(problem.parameters()).containsEntry("valid", "cpu0, memory, vif_0_rx");
    }

    @Test
    void theDetailIsASentenceNotTheCodeAndItsParameterMap() {
        Problem problem = Problem.of(new XenplaneException(ErrorCode.VM_BAD_POWER_STATE, "web-1", "halted", "running"));
        assertThat(problem.title()).isEqualTo("VM in the wrong power state");
        assertThat(problem.detail()).isEqualTo("VM web-1 is running, but this needs it halted. Change its power state first.");
        assertThat(ErrorCode.HANDLE_INVALID.detail(Map.of("class", "vm"))).contains("with id ?");
    }
}
