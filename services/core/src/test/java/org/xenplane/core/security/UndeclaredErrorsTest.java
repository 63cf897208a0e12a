package org.xenplane.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.xenplane.core.error.ErrorCode;

/** What an operation may answer: its declared codes and the common ones, and nothing else is let pass unseen. */
class UndeclaredErrorsTest {
    private static final DeclaredOperation DESTROY = () -> OperationSpec.changes("thing.destroy", Role.POOL_OPERATOR)
            .in("stopped").raises(ErrorCode.HOST_IS_LIVE);
    private static final DeclaredOperation LOGIN = () -> OperationSpec.anonymous("thing.login")
            .raises(ErrorCode.SESSION_AUTHENTICATION_FAILED);
    private static final DeclaredOperation READ = () -> OperationSpec.reads("thing.read", Role.READ_ONLY);

    @Test
    void aDeclarationCarriesItsStatesAndErrorsWithItsRole() {
        assertThat(DESTROY.allowedStates()).containsExactly("stopped");
        assertThat(DESTROY.errors()).containsExactly(ErrorCode.HOST_IS_LIVE);
        assertThat(DESTROY.minimumRole()).isEqualTo(Role.POOL_OPERATOR);
        assertThat(DESTROY.mutating()).isTrue();
        assertThat(READ.allowedStates()).isEmpty();
        assertThat(READ.errors()).isEmpty();
    }

    @Test
    void anErrorDeclaredTwiceIsRefused() {
        assertThatThrownBy(() -> OperationSpec.reads("thing.read", Role.READ_ONLY)
                .raises(ErrorCode.HOST_IS_LIVE, ErrorCode.HOST_IS_LIVE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }

    @Test
    void anOperationMayAnswerItsOwnCodesAndTheCommonOnes() {
        assertThat(UndeclaredErrors.declares(DESTROY, ErrorCode.HOST_IS_LIVE)).isTrue();
        assertThat(UndeclaredErrors.declares(DESTROY, ErrorCode.HANDLE_INVALID)).isTrue();
        assertThat(UndeclaredErrors.declares(DESTROY, ErrorCode.OBJECT_CHANGED_CONCURRENTLY)).isTrue();
        assertThat(UndeclaredErrors.declares(DESTROY, ErrorCode.SR_FULL)).isFalse();
        assertThat(UndeclaredErrors.declares(READ, ErrorCode.IDEMPOTENCY_KEY_REUSED)).as("reads make no tasks").isFalse();
        assertThat(UndeclaredErrors.declares(LOGIN, ErrorCode.SESSION_INVALID)).as("no token is read").isFalse();
        assertThat(CommonErrors.withCommon(DESTROY)).startsWith(ErrorCode.HOST_IS_LIVE).doesNotHaveDuplicates();
    }

    @Test
    void anUndeclaredAnswerIsCountedByOperationAndCode() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        UndeclaredErrors undeclared = new UndeclaredErrors(registry);
        undeclared.answered(DESTROY, ErrorCode.HOST_IS_LIVE);
        undeclared.answered(DESTROY, ErrorCode.SR_FULL);
        undeclared.answered(DESTROY, ErrorCode.SR_FULL);
        assertThat(registry.find(UndeclaredErrors.METRIC).counters()).singleElement().satisfies(counter -> {
            assertThat(counter.getId().getTag("operation")).isEqualTo("thing.destroy");
            assertThat(counter.getId().getTag("code")).isEqualTo("SR_FULL");
            assertThat(counter.count()).isEqualTo(2.0);
        });
    }
}
