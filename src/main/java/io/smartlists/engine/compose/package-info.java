/**
 * Composition (DESIGN.md §5): stage, slots, each list's candidates, the eligibility gate, the
 * exclusions and the named fallback chain. Above {@code engine.lists} and {@code engine.stage}.
 */
@NullMarked
package io.smartlists.engine.compose;

import org.jspecify.annotations.NullMarked;
