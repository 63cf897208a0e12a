package org.xenplane.xenapi.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XmlRpcReaderTest {

    private static RpcCall read(String xml) {
        return XmlRpcReader.read(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsACallWithEveryValueType() {
        RpcCall call = read("<?xml version='1.0'?><methodCall><methodName>VM.start</methodName><params>"
                + "<param><value>OpaqueRef:s</value></param>"
                + "<param><value><string>a &amp; b</string></value></param>"
                + "<param><value><boolean>1</boolean></value></param>"
                + "<param><value><i4>42</i4></value></param>"
                + "<param><value><array><data><value>x</value><value><int>7</int></value></data></array></value></param>"
                + "<param><value><struct><member><name>k</name><value>v</value></member></struct></value></param>"
                + "</params></methodCall>");
        assertThat(call.method()).isEqualTo("VM.start");
        assertThat(call.params()).containsExactly("OpaqueRef:s", "a & b", true, 42L, List.of("x", 7L), Map.of("k", "v"));
    }

    @Test
    void refusesADtdAndItsEntities() {
        String billionLaughs = "<?xml version='1.0'?><!DOCTYPE m [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;'>]>"
                + "<methodCall><methodName>&b;</methodName></methodCall>";
        assertThatThrownBy(() -> read(billionLaughs)).isInstanceOf(XenApiFailure.class);
        String external = "<?xml version='1.0'?><!DOCTYPE m [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                + "<methodCall><methodName>&x;</methodName></methodCall>";
        assertThatThrownBy(() -> read(external)).isInstanceOf(XenApiFailure.class)
                .satisfies(f -> assertThat(((XenApiFailure) f).description().toString()).doesNotContain("root:"));
    }

    @Test
    void refusesNestingDeeperThanTheLimit() {
        String deep = "<value><array><data>".repeat(40) + "<value>x</value>" + "</data></array></value>".repeat(40);
        assertThatThrownBy(() -> read("<methodCall><methodName>m</methodName><params><param>" + deep
                + "</param></params></methodCall>"))
                .isInstanceOf(XenApiFailure.class).hasMessage("INTERNAL_ERROR");
        assertThat(((XenApiFailure) catchFailure(deep)).description().get(1)).contains("nested deeper");
    }

    @Test
    void refusesMalformedDocuments() {
        for (String bad : List.of("", "<methodCall>", "<methodCall><methodName>m</methodName><params><param>"
                + "<value><i4>x</i4></value></param></params></methodCall>", "not xml",
                "<methodCall><methodName>m</methodName><params><param><value><foo/></value></param></params></methodCall>")) {
            assertThatThrownBy(() -> read(bad)).as(bad).isInstanceOf(XenApiFailure.class);
        }
    }

    @Test
    void writesXapisSuccessAndFailureStructs() {
        String ok = new String(XmlRpcWriter.success(Map.of("memory", 268435456L)), StandardCharsets.UTF_8);
        assertThat(ok).contains("<name>Status</name><value>Success</value>")
                .contains("<name>memory</name><value>268435456</value>");
        String failed = new String(XmlRpcWriter.failure(List.of("HANDLE_INVALID", "VM", "<x>")), StandardCharsets.UTF_8);
        assertThat(failed).contains("<value>Failure</value>").contains("<value>HANDLE_INVALID</value>").contains("&lt;x&gt;");
    }

    private static Throwable catchFailure(String deep) {
        try {
            read("<methodCall><methodName>m</methodName><params><param>" + deep + "</param></params></methodCall>");
            return null;
        } catch (XenApiFailure f) {
            return f;
        }
    }
}
