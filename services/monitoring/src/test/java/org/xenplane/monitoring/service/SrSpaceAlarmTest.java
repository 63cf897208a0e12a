package org.xenplane.monitoring.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xenplane.testing.EmbeddedPostgresResource;

/**
 * An SR whose free space falls below 10% of its size raises one SR_FREE_SPACE_LOW message, raises
 * again only after it has cleared, and its size and use are exposed to Prometheus. The SR rows are
 * the storage service's (its migration), written here as that service writes them after a scan.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class SrSpaceAlarmTest {
    private static final long GIB = 1L << 30;
    private static final String ADMIN = "xpu_test-admin-token-0123456789abcdefghijklmnopqrstu";

    @Inject
    EntityManager em;
    @Inject
    SrSpaceAlarm alarm;

    private UUID newSr(String name, long size, long used) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into sr (id, name, type, shared, physical_size, physical_utilisation, created_at)
                values (?1, ?2, 'file', true, ?3, ?4, now())
                """).setParameter(1, id).setParameter(2, name).setParameter(3, size).setParameter(4, used).executeUpdate());
        return id;
    }

    private void use(UUID sr, long used) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update sr set physical_utilisation = ?2 where id = ?1")
                .setParameter(1, sr).setParameter(2, used).executeUpdate());
    }

    /** The names of the messages about this SR, newest first. */
    private static List<String> messages(UUID sr) {
        return bodies(sr).getList("name", String.class);
    }

    private static JsonPath bodies(UUID sr) {
        return given().auth().oauth2(ADMIN).queryParam("class", "sr").queryParam("object", sr.toString())
                .get("/api/v1/messages").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void anSrRunningOutOfSpaceRaisesOneMessageUntilItClears() {
        UUID full = newSr("nearly-full", 100 * GIB, 95 * GIB);
        UUID roomy = newSr("roomy", 100 * GIB, 50 * GIB);
        UUID empty = newSr("unscanned", 0, 0);

        alarm.check();
        alarm.check();

        assertThat(messages(full)).containsExactly("SR_FREE_SPACE_LOW");
        assertThat(bodies(full).getString("[0].body")).contains("nearly-full", "5.0%", "10.0%");
        assertThat(messages(roomy)).isEmpty();
        assertThat(messages(empty)).isEmpty();

        use(full, 20 * GIB);
        alarm.check();
        use(full, 99 * GIB);
        alarm.check();
        assertThat(messages(full)).containsExactly("SR_FREE_SPACE_LOW", "SR_FREE_SPACE_LOW");
    }

    @Test
    void srSizeAndUseAreExposedToPrometheus() {
        UUID sr = newSr("exposed", 10 * GIB, 3 * GIB);

        alarm.check();

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("xenplane_sr_physical_size_bytes\\{sr_name=\"exposed\",sr_uuid=\"" + sr + "\"} 1\\.073741824E10");
        assertThat(metrics).containsPattern("xenplane_sr_physical_utilisation_bytes\\{sr_name=\"exposed\",sr_uuid=\"" + sr + "\"} 3\\.221225472E9");
    }
}
