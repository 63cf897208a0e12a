package org.xenplane.xenapi.service.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xenplane.xenapi.wire.XenApiFailure;

/**
 * event.from's parameters as XAPI parses them: tokens in XAPI's {@code %020d,%020d} form and the
 * empty token; subscriptions to everything, to a class in any case and to one object; timeouts
 * as floats in 0..86400 s. Anything else is XAPI's error, never an exception of another kind.
 */
class EventParametersTest {
    @Test
    void tokensRoundTripInXapisFormAndTheEmptyTokenMeansFromTheBeginning() {
        assertThat(EventToken.of(42)).isEqualTo("00000000000000000042,00000000000000000000");
        assertThat(EventToken.parse(EventToken.of(42))).hasValue(42);
        assertThat(EventToken.parse("")).isEmpty();
        for (Object bad : List.of("42", "a,b", "-1,0", "1,2,3", 7L)) {
            assertThatThrownBy(() -> EventToken.parse(bad)).isInstanceOfSatisfying(XenApiFailure.class,
                    f -> assertThat(f.description()).containsExactly("EVENT_FROM_TOKEN_PARSE_FAILURE", String.valueOf(bad)));
        }
    }

    @Test
    void subscriptionsSelectEverythingAClassInAnyCaseOrOneObject() {
        Subscriptions all = Subscriptions.parse(List.of("*"));
        assertThat(all.matches("vm", "OpaqueRef:a")).isTrue();
        Subscriptions vms = Subscriptions.parse(List.of("VM"));
        assertThat(vms.matches("vm", "OpaqueRef:a")).isTrue();
        assertThat(vms.matches("host", "OpaqueRef:a")).isFalse();
        Subscriptions one = Subscriptions.parse(List.of("Vm/OpaqueRef:a"));
        assertThat(one.matches("vm", "OpaqueRef:a")).isTrue();
        assertThat(one.matches("vm", "OpaqueRef:b")).isFalse();
        assertThat(one.selectsClass("vm")).isTrue();
        assertThat(vms.plus(one).minus(vms).entries()).containsExactly("vm/OpaqueRef:a");
        for (Object bad : List.of("vm", List.of(1))) {
            assertThatThrownBy(() -> Subscriptions.parse(bad)).isInstanceOfSatisfying(XenApiFailure.class,
                    f -> assertThat(f.description()).containsExactly("FIELD_TYPE_ERROR", "classes"));
        }
    }

    @Test
    void timeoutsAreFloatSecondsWithinXapisDay() {
        assertThat(EventMessages.timeout(60.1)).isEqualTo(Duration.ofMillis(60100));
        assertThat(EventMessages.timeout(0L)).isEqualTo(Duration.ZERO);
        assertThatThrownBy(() -> EventMessages.timeout("60")).isInstanceOfSatisfying(XenApiFailure.class,
                f -> assertThat(f.description()).containsExactly("FIELD_TYPE_ERROR", "timeout"));
        for (double bad : new double[] {-1, 86401, Double.NaN}) {
            assertThatThrownBy(() -> EventMessages.timeout(bad)).isInstanceOfSatisfying(XenApiFailure.class,
                    f -> assertThat(f.code()).isEqualTo("VALUE_NOT_SUPPORTED"));
        }
    }
}
