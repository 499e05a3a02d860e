/**
 * The co-purchase model behind smart cross-selling ({@link
 * io.smartlists.engine.signals.copurchase.CoPurchaseIndex}): read path, single writer, builder,
 * calibration, pair counting, text neighbours and the primitives they share. Depends on nothing
 * else in the engine.
 */
@NullMarked
package io.smartlists.engine.signals.copurchase;

import org.jspecify.annotations.NullMarked;
