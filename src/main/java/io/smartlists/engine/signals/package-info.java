/**
 * What the engine learned from the catalogue, orders and browsing ({@link
 * io.smartlists.engine.signals.Signals}): one component per signal (catalogue index, bestseller
 * ranks, customer histories, repurchase intervals, browsing, co-purchase), each owning its build
 * and its incremental apply; {@link io.smartlists.engine.signals.SignalsManager} rebuilds them and
 * swaps an immutable snapshot in. Depends on {@code engine.model} and {@code signals.copurchase}.
 */
@NullMarked
package io.smartlists.engine.signals;

import org.jspecify.annotations.NullMarked;
