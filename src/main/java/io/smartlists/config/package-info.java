/**
 * The merchandising configuration a merchant edits in the admin: the ordered slots of every
 * (placement, journey stage) cell, the stage and global rules, and the change history. Stored with
 * JPA in the {@code SL_} tables of {@code db/smartlists/V2__config.sql}; {@link
 * io.smartlists.config.ConfigService} validates changes, records every version and serves the
 * engine the current {@link io.smartlists.engine.SmartListsConfig}, cached and refreshed on every
 * node within seconds of a change.
 */
@NullMarked
package io.smartlists.config;

import org.jspecify.annotations.NullMarked;
