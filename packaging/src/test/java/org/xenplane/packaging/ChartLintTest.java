package org.xenplane.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;

/** helm lint --strict on the chart (helm-java runs Helm in-process: no helm binary is needed). */
class ChartLintTest {

    @Test
    void chartPassesStrictLintWithoutWarnings() {
        LintResult lint = new Helm(Repository.chart()).lint().strict().call();

        assertThat(lint.isFailed()).as("lint failed: %s", lint.getMessages()).isFalse();
        assertThat(lint.getMessages()).noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]"));
    }
}
