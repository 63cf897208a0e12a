package org.xenplane.network.api;

/** How many VIFs a VM-wide call made or removed. */
public record VifCount(int count) {
}
