package org.xenplane.daemon.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.xenplane.daemon.protocol.storage.ImageFormat;

/** The {@code qemu-img} operations the storage drivers use; every call goes through {@link Commands}. */
public class QemuImg {
    private static final String QEMU_IMG = "qemu-img";

    private final Commands commands;
    private final ObjectMapper json;

    public QemuImg(Commands commands, ObjectMapper json) {
        this.commands = commands;
        this.json = json;
    }

    /**
     * What {@code qemu-img info} says of an image.
     *
     * @param backingFile the backing file as written in the image (relative or absolute), or null
     * @param dataFile    an external data file, or null (imports refuse images that have one)
     */
    public record Info(String format, long virtualSize, long actualSize, String backingFile, String dataFile) {
    }

    /** A new qcow2 image of {@code virtualSize} bytes, on its own or as an overlay on {@code backing}. */
    public void create(Path image, long virtualSize, String backing) {
        List<String> cmd = new ArrayList<>(List.of(QEMU_IMG, "create", "-q", "-f", "qcow2"));
        if (backing != null) {
            cmd.addAll(List.of("-b", backing, "-F", "qcow2"));
        }
        cmd.add(image.toString());
        cmd.add(Long.toString(virtualSize));
        commands.run(cmd);
    }

    public Info info(Path image, ImageFormat format) {
        List<String> cmd = new ArrayList<>(List.of(QEMU_IMG, "info", "--output=json", "-U"));
        if (format != null) {
            cmd.addAll(List.of("-f", format.id()));
        }
        cmd.add(image.toString());
        String out = commands.run(cmd).stdout();
        try {
            JsonNode node = json.readTree(out);
            JsonNode data = node.path("format-specific").path("data").path("data-file");
            return new Info(node.path("format").asText(), node.path("virtual-size").asLong(),
                    node.path("actual-size").asLong(0),
                    node.hasNonNull("backing-filename") ? node.get("backing-filename").asText() : null,
                    data.isMissingNode() || data.isNull() ? null : data.asText());
        } catch (java.io.IOException e) {
            throw new StorageFailure("qemu-img info gave unreadable output for " + image.getFileName(), e);
        }
    }

    public void resize(Path image, long virtualSize) {
        commands.run(List.of(QEMU_IMG, "resize", "-q", "-f", "qcow2", image.toString(), Long.toString(virtualSize)));
    }

    /** Writes the overlay's changes into its backing image; the overlay is left as it was. */
    public void commit(Path overlay) {
        commands.run(List.of(QEMU_IMG, "commit", "-q", "-f", "qcow2", "-d", overlay.toString()));
    }

    /** Checks a qcow2 image's metadata; a corrupt image is a failure. */
    public void check(Path image) {
        commands.run(List.of(QEMU_IMG, "check", "-q", "-f", "qcow2", image.toString()));
    }

    /**
     * A flattened copy of {@code source} (with its whole backing chain) into {@code target}.
     * With {@code targetExists} the target is an existing qcow2 image of the right size (a
     * logical volume formatted beforehand) and qemu-img writes into it instead of creating it.
     */
    public void convert(Path source, ImageFormat sourceFormat, Path target, ImageFormat targetFormat, boolean targetExists) {
        List<String> cmd = new ArrayList<>(List.of(QEMU_IMG, "convert", "-q", "-f", sourceFormat.id(), "-O", targetFormat.id()));
        if (targetExists) {
            cmd.add("-n");
        }
        cmd.add(source.toString());
        cmd.add(target.toString());
        commands.run(cmd, java.time.Duration.ofHours(12));
    }
}
