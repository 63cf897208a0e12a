package org.xenplane.cli;

import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/** Makes picocli's command objects, handing each command that asks for it the shared {@link Xenplane}. */
final class Factory implements IFactory {
    private final Xenplane root;

    Factory(Xenplane root) {
        this.root = root;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        try {
            return type.getConstructor(Xenplane.class).newInstance(root);
        } catch (NoSuchMethodException noSharedState) {
            return CommandLine.defaultFactory().create(type);
        }
    }
}
