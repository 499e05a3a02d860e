/**
 * The engine's value types: placements, journey stages, list types, slots, the merchandising
 * configuration, widget requests and widgets, reasons. Depends on nothing else in the engine.
 */
@NullMarked
package io.smartlists.engine.model;

import org.jspecify.annotations.NullMarked;
