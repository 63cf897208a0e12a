package org.xenplane.core.rest;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Declares the one way to authenticate in the OpenAPI document: {@code Authorization: Bearer <token>}
 * with an opaque token (a session or API token {@code xpu_...}, a host credential {@code xph_...}),
 * not a JWT. {@link DeclaredOperationsFilter} makes every operation that needs a caller require it,
 * so Swagger UI sends the token it is given.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUN)
public class BearerSecurityScheme implements OASFilter {
    public static final String NAME = "bearer";

    /** The requirement an authenticated operation carries. */
    public static SecurityRequirement requirement() {
        return OASFactory.createSecurityRequirement().addScheme(NAME);
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSecurityScheme(NAME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("opaque")
                .description("An opaque token, sent as `Authorization: Bearer <token>`: a session token from"
                        + " `POST /api/v1/session` or an API token from `POST /api/v1/tokens` (both `xpu_...`), or a"
                        + " host daemon's credential (`xph_...`). Paste the token alone, without `Bearer `."));
    }
}
