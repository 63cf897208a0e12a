package org.xenplane.server;

import org.xenplane.testing.FreePorts;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both XenAPI transports fed malformed calls against the packaged server: mutated bytes of valid
 * calls, entity expansion and external entities, deep nesting, huge payloads, wrong types and
 * arities. Nothing is answered with a 5xx, and whatever is answered with 200 is a XenAPI answer
 * (so a failure, with no stack trace). The mutations are seeded: a failure names its case.
 */
class XenApiFuzzIT {
    private static final long SEED = 14L;
    private static final String XML_CALL = "<?xml version=\"1.0\"?><methodCall><methodName>VM.get_record</methodName><params>"
            + "<param><value><string>OpaqueRef:x</string></value></param><param><value><array><data><value><i4>1</i4>"
            + "</value><value><struct><member><name>a</name><value><boolean>1</boolean></value></member></struct></value>"
            + "</data></array></value></param></params></methodCall>";
    private static final String JSON_CALL = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"session.login_with_password\","
            + "\"params\":[\"admin\",{\"a\":[1,2.5,true,null]},\"1.0\"]}";

    @TempDir
    Path workDir;

    @Test
    void malformedCallsOnBothTransportsNeverGetA5xx() throws Exception {
        ServerProcess server = ServerProcess.onEmbeddedDatabase(workDir, FreePorts.next()).start();
        try {
            for (String path : List.of("/", "/RPC2")) {
                for (byte[] body : xmlCases()) {
                    check(server, path, "text/xml", body, "<methodResponse>");
                }
            }
            for (byte[] body : jsonCases()) {
                check(server, "/jsonrpc", "application/json", body, "\"id\"");
            }
            assertThat(given().baseUri(server.url()).get("/").statusCode()).as("GET / is not XenAPI's (the console's)")
                    .isNotEqualTo(405).isLessThan(500);
        } finally {
            server.stop();
        }
    }

    private static void check(ServerProcess server, String path, String type, byte[] body, String xenApiMark) {
        Response r = given().baseUri(server.url()).contentType(type).body(body).post(path);
        String shown = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
        assertThat(r.statusCode()).as("%s %s: %s", path, shown, r.asString()).isLessThan(500);
        if (r.statusCode() == 200) {
            assertThat(r.asString()).as(shown).contains(xenApiMark).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    private static List<byte[]> xmlCases() {
        List<byte[]> cases = new ArrayList<>(mutations(XML_CALL, 150));
        cases.add(bytes("<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY a \"aaaaaaaaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
                + "<methodCall><methodName>&c;</methodName></methodCall>"));
        cases.add(bytes("<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<methodCall><methodName>&x;</methodName></methodCall>"));
        cases.add(bytes("<methodCall><methodName>m</methodName><params><param>" + "<value><array><data>".repeat(20_000)));
        cases.add(bytes("<methodCall><methodName>system.listMethods</methodName><params>"
                + "<param><value>x</value></param>".repeat(70_000) + "</params></methodCall>"));
        cases.add(bytes("<methodCall><methodName>" + "A".repeat(3 * 1024 * 1024) + "</methodName></methodCall>"));
        cases.add(new byte[0]);
        cases.add(bytes("<methodCall><methodName>VM.get_record</methodName><params><param><value><struct/></value></param>"
                + "<param><value><array><data/></array></value></param></params></methodCall>"));
        return cases;
    }

    private static List<byte[]> jsonCases() {
        List<byte[]> cases = new ArrayList<>(mutations(JSON_CALL, 150));
        cases.add(bytes("{\"method\":\"m\",\"params\":" + "[".repeat(50_000) + "]".repeat(50_000) + ",\"id\":1}"));
        cases.add(bytes("{\"method\":\"" + "x".repeat(3 * 1024 * 1024) + "\",\"id\":1}"));
        cases.add(bytes("{\"method\":\"VM.get_record\",\"params\":[{\"a\":1},[1,2]],\"id\":null}"));
        cases.add(bytes("{\"method\":\"VM.get_all\",\"params\":[1e999999999],\"id\":{}}"));
        cases.add(bytes("[{\"method\":\"VM.get_all\",\"params\":[],\"id\":1}]"));
        cases.add(bytes("\"just a string\""));
        cases.add(new byte[0]);
        return cases;
    }

    /** Seeded byte-level mutations: flips, deletions, insertions of markup characters, truncations. */
    private static List<byte[]> mutations(String valid, int count) {
        Random random = new Random(SEED);
        byte[] markup = bytes("<>/&;\"'{}[],:\\\u0000\u00ff");
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] b = bytes(valid);
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(b.length);
                switch (random.nextInt(3)) {
                    case 0 -> b[at] = (byte) random.nextInt(256);
                    case 1 -> b[at] = markup[random.nextInt(markup.length)];
                    default -> b = java.util.Arrays.copyOf(b, Math.max(1, at));
                }
            }
            out.add(b);
        }
        return out;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
