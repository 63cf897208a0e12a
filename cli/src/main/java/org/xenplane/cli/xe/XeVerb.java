package org.xenplane.cli.xe;

/** What one xe command does with its call. */
@FunctionalInterface
public interface XeVerb {
    void run(XeCall call);
}
