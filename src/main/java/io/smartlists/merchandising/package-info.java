/**
 * The merchandising configuration a merchant edits in the admin: the ordered slots of every
 * (placement, journey stage) cell, the stage and global rules, and the change history. Stored with
 * JPA in the {@code SL_} tables of {@code db/smartlists/V2__config.sql}. Three roles, three public
 * classes: {@link io.smartlists.merchandising.MerchandisingConfigSource} serves the engine the
 * current {@link io.smartlists.engine.model.SmartListsConfig}, cached and refreshed on every node
 * within seconds of a change; {@link io.smartlists.merchandising.MerchandisingEditor} validates and
 * applies the admin's changes under optimistic locking; {@link
 * io.smartlists.merchandising.RevisionLog} records every version with a typed {@link
 * io.smartlists.merchandising.Change}.
 */
@NullMarked
package io.smartlists.merchandising;

import org.jspecify.annotations.NullMarked;
