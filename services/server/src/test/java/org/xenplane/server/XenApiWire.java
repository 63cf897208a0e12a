package org.xenplane.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** XenAPI calls as raw bytes on the wire, JSON-RPC 2.0 at /jsonrpc and XML-RPC at /, for the ITs. */
final class XenApiWire {
    private static final Pattern VALUE = Pattern.compile("<name>Value</name><value>(?:<string>)?([^<]*)(?:</string>)?</value>");
    private static final Pattern ERROR = Pattern.compile("<name>ErrorDescription</name><value><array><data>(.*)</data></array>");
    private static final Pattern ITEM = Pattern.compile("<value>([^<]*)</value>");

    private final String url;

    XenApiWire(String url) {
        this.url = url;
    }

    /** A JSON-RPC 2.0 call; its answer's JSON (result, or error with message and data). */
    JsonPath json(String method, Object... params) {
        Response response = given().baseUri(url).contentType("application/json")
                .body(Map.of("jsonrpc", "2.0", "id", 7, "method", method, "params", Arrays.asList(params)))
                .post("/jsonrpc");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/json");
        return response.jsonPath();
    }

    /** The error description of a JSON-RPC 2.0 call that must fail. */
    List<String> jsonFailure(String method, Object... params) {
        JsonPath answer = json(method, params);
        assertThat(answer.getString("error.message")).as(answer.prettify()).isNotNull();
        List<String> description = new ArrayList<>();
        description.add(answer.getString("error.message"));
        description.addAll(answer.getList("error.data", String.class));
        return description;
    }

    /** An XML-RPC call at {@code path} with string or boolean parameters; the raw methodResponse. */
    String xml(String path, String method, Object... params) {
        StringBuilder body = new StringBuilder("<?xml version=\"1.0\"?><methodCall><methodName>").append(method)
                .append("</methodName><params>");
        for (Object p : params) {
            body.append("<param><value>").append(p instanceof Boolean b ? "<boolean>" + (b ? 1 : 0) + "</boolean>" : "<string>" + p + "</string>")
                    .append("</value></param>");
        }
        Response response = given().baseUri(url).contentType("text/xml").body(body.append("</params></methodCall>").toString()).post(path);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/xml");
        return response.asString();
    }

    /** The string Value of a successful XML-RPC call. */
    String xmlValue(String method, Object... params) {
        String answer = xml("/", method, params);
        assertThat(answer).as(answer).contains("<name>Status</name><value>Success</value>");
        Matcher m = VALUE.matcher(answer);
        assertThat(m.find()).as(answer).isTrue();
        return m.group(1);
    }

    /** The ErrorDescription of an XML-RPC call that must fail. */
    List<String> xmlFailure(String path, String method, Object... params) {
        String answer = xml(path, method, params);
        return xmlDescription(answer);
    }

    static List<String> xmlDescription(String answer) {
        assertThat(answer).as(answer).contains("<name>Status</name><value>Failure</value>");
        Matcher m = ERROR.matcher(answer);
        assertThat(m.find()).as(answer).isTrue();
        List<String> items = new ArrayList<>();
        Matcher item = ITEM.matcher(m.group(1));
        while (item.find()) {
            items.add(item.group(1));
        }
        return items;
    }
}
