package vn.motcua.dossier.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Background jobs (deadline warnings); off with motcua.scheduling.enabled=false. */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "motcua.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfig {
}
