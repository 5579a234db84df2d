package io.fahuo.shared;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Resolves {@code fahuo.data-dir} to an absolute path once, so that the embedded database URL, the data key
 * and the demo files all point at the same place whatever the working directory (H2 refuses relative paths).
 */
public class DataDirectoryEnvironment implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String dir = environment.getProperty("fahuo.data-dir");
        if (dir != null && !dir.isBlank()) {
            String absolute = Path.of(dir).toAbsolutePath().normalize().toString();
            environment.getPropertySources().addFirst(new MapPropertySource("fahuoDataDir", Map.of("fahuo.data-dir", absolute)));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
