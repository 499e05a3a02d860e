/**
 * The recommendation engine: signals, smart lists, journey stages, composition and reasons. Plain
 * Java: nothing here imports Spring, Hibernate or the web ({@code ArchitectureTests} guards it), so
 * the engine runs the same in a store, a benchmark and the evaluation command.
 */
@NullMarked
package io.smartlists.engine;

import org.jspecify.annotations.NullMarked;
