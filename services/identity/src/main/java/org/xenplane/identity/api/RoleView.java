package org.xenplane.identity.api;

import java.util.List;

/** A role and every operation it may perform, read from the operations' declarations. */
public record RoleView(String name, List<String> operations) {
}
