package vn.ocop.platform.config;

import io.micronaut.context.env.AbstractPropertySourceLoader;
import io.micronaut.context.env.ActiveEnvironment;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import io.micronaut.core.io.ResourceLoader;
import io.micronaut.core.io.ResourceResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;

/**
 * Contributes {@code ocop-platform-defaults.yml} to every service's configuration, below the service's own
 * {@code application.yml}: the settings all services share (bearer-token resource server, problem+json
 * conventions, serialisation, metrics and health endpoints, Flyway locations of the platform tables).
 * Registered through {@code META-INF/services}, so it is read before the application context exists.
 */
public final class PlatformDefaults extends YamlPropertySourceLoader {

    static final String RESOURCE = "ocop-platform-defaults.yml";
    static final int ORDER = AbstractPropertySourceLoader.DEFAULT_POSITION - 10;

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Set<String> getExtensions() {
        return Set.of();
    }

    @Override
    public Optional<PropertySource> load(String resourceName, ResourceLoader resourceLoader) {
        if (!Environment.DEFAULT_NAME.equals(resourceName)) {
            return Optional.empty();
        }
        Optional<InputStream> input = new ResourceResolver().getResourceAsStream("classpath:" + RESOURCE);
        return input.map(stream -> {
            try (stream) {
                return PropertySource.of(RESOURCE, read(RESOURCE, stream), ORDER);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        });
    }

    @Override
    public Optional<PropertySource> loadEnv(String resourceName, ResourceLoader resourceLoader, ActiveEnvironment environment) {
        return Optional.empty();
    }
}
