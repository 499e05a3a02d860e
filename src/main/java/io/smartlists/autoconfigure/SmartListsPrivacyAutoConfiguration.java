package io.smartlists.autoconfigure;

import io.smartlists.engine.SmartListsEngine;
import io.smartlists.privacy.SmartListsPrivacy;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@link SmartListsPrivacy}, the erasure API, when the module runs on the store's database. */
@AutoConfiguration(after = SmartListsAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "smartlists.enabled", matchIfMissing = true)
@ConditionalOnClass(JdbcTemplate.class)
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnBean(SmartListsEngine.class)
public final class SmartListsPrivacyAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  SmartListsPrivacy smartListsPrivacy(
      DataSource dataSource, ObjectProvider<SmartListsEngine> engine) {
    return new SmartListsPrivacy(dataSource, engine.getIfUnique());
  }
}
