/**
 * The recommendation engine's facade: {@link io.smartlists.engine.SmartListsEngine} and what a
 * store builds it with. Its parts, one way from top to bottom: {@code compose} → {@code lists},
 * {@code stage} → {@code signals} (→ {@code signals.copurchase}) → {@code model}. Plain Java:
 * nothing here imports Spring, Hibernate or the web ({@code EngineModularityTests} guards it), so
 * the engine runs the same in a store, a benchmark and the evaluation command.
 */
@NullMarked
package io.smartlists.engine;

import org.jspecify.annotations.NullMarked;
