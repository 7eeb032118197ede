package vn.ocop.platform.event;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * The running service's name, which fixes its stream ({@code ocop.<name>}) and its consumer group ({@code <name>}).
 */
@Singleton
public final class ServiceIdentity {

    private final String name;

    public ServiceIdentity(@Value("${ocop.service.name}") String name) {
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("ocop.service.name must be lower-case letters, digits or '-': " + name);
        }
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** The stream this service publishes to. */
    public String stream() {
        return Streams.of(name);
    }

    /** The consumer group this service reads other streams with. */
    public String group() {
        return name;
    }

    /** Where this service's consumers put messages that failed too often. */
    public String deadLetterStream() {
        return Streams.of(name) + ".dead-letters";
    }
}
