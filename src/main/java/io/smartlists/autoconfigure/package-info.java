/**
 * Spring Boot auto-configuration of Smart Lists, the only package that declares beans: adding the
 * dependency to a store that provides the host ports ({@code io.smartlists.host}) is enough; every
 * bean can be replaced and {@code smartlists.enabled=false} turns the module off, leaving no-op
 * beans for what a store injects. Properties live under {@code smartlists.*} ({@link
 * io.smartlists.autoconfigure.SmartListsProperties}), which hands each feature plain values or a
 * settings record; feature packages never import this one. The module's schema runner ({@link
 * io.smartlists.autoconfigure.SmartListsSchema}) lives here too.
 */
@NullMarked
package io.smartlists.autoconfigure;

import org.jspecify.annotations.NullMarked;
