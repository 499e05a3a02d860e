package io.smartlists.autoconfigure;

import io.smartlists.engine.SmartListsEngine;
import io.smartlists.eventlog.EventLogStatus;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The module's component of {@code /actuator/health} ({@link SmartListsHealthIndicator}, named
 * {@code smartLists}), imported by {@link EventLogConfiguration} and only when the store has
 * Actuator's health support on its class path.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(HealthIndicator.class)
final class SmartListsHealthConfiguration {

  @Bean
  @ConditionalOnMissingBean(name = "smartListsHealthIndicator")
  HealthIndicator smartListsHealthIndicator(EventLogStatus status, SmartListsEngine engine) {
    return new SmartListsHealthIndicator(status, engine);
  }
}
