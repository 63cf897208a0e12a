package org.xenplane.xenapi.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonRpcTest {

    private static RpcCall read(String json) {
        return JsonRpc.read(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void answersVersion2WithResultOrAnErrorObject() {
        RpcCall call = read("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"VM.get_all\",\"params\":[\"OpaqueRef:s\"]}");
        assertThat(call.jsonRpcVersion()).isEqualTo("2.0");
        assertThat(text(JsonRpc.success(call, List.of("OpaqueRef:a")))).isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":[\"OpaqueRef:a\"],\"id\":3}");
        assertThat(text(JsonRpc.failure("2.0", 3L, List.of("SESSION_INVALID", "OpaqueRef:s"))))
                .isEqualTo("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":1,\"message\":\"SESSION_INVALID\",\"data\":[\"OpaqueRef:s\"]},\"id\":3}");
    }

    @Test
    void answersVersion1WithResultErrorAndId() {
        RpcCall call = read("{\"id\":\"xyz\",\"method\":\"VM.get_all\",\"params\":[\"OpaqueRef:s\"]}");
        assertThat(call.jsonRpcVersion()).isEqualTo("1.0");
        assertThat(text(JsonRpc.success(call, ""))).isEqualTo("{\"result\":\"\",\"error\":null,\"id\":\"xyz\"}");
        assertThat(text(JsonRpc.failure("1.0", "xyz", List.of("SESSION_INVALID", "OpaqueRef:s"))))
                .isEqualTo("{\"result\":null,\"error\":[\"SESSION_INVALID\",\"OpaqueRef:s\"],\"id\":\"xyz\"}");
    }

    @Test
    void refusesMalformedAndTooDeepCalls() {
        String deep = "[".repeat(200) + "]".repeat(200);
        for (String bad : List.of("", "[]", "{", "{\"method\":3}", "{\"method\":\"m\",\"params\":{}}",
                "{\"jsonrpc\":\"3.0\",\"method\":\"m\"}", "{\"method\":\"m\",\"params\":" + deep + "}",
                "{\"method\":\"m\",\"params\":[123456789012345678901234567890]}")) {
            assertThatThrownBy(() -> read(bad)).as(bad).isInstanceOf(XenApiFailure.class);
        }
    }
}
