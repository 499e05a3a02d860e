/**
 * Journey-stage resolution (DESIGN.md §2) with the reason that decided. Reads {@code
 * engine.signals}.
 */
@NullMarked
package io.smartlists.engine.stage;

import org.jspecify.annotations.NullMarked;
