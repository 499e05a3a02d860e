/**
 * Spring Boot auto-configuration of Smart Lists: adding the dependency to a store that provides the
 * host ports ({@code io.smartlists.host}) is enough; every bean can be replaced and {@code
 * smartlists.enabled=false} turns the module off. Properties live under {@code smartlists.*}
 * ({@link io.smartlists.autoconfigure.SmartListsProperties}).
 */
@NullMarked
package io.smartlists.autoconfigure;

import org.jspecify.annotations.NullMarked;
