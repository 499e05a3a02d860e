package io.smartlists.engine;

/**
 * Popularity-corrected co-purchase association between products (same order), blended with what
 * customers with similar purchase histories bought. Built once from the order history, then
 * updated per confirmed order by a single writer while readers score lock-free.
 *
 * <p>API contract (implementation owned by the cross-selling work, issue #4):
 *
 * <ul>
 *   <li>{@code static Builder builder(int productCount)}; {@code Builder.addOrder(int[]
 *       distinctProducts, int customer, long placedAtEpochSecond)} with {@code customer} a dense
 *       customer index or -1 for a guest; {@code Builder.build()}
 *   <li>{@code void addOrder(int[] distinctProducts, int customer, long placedAtEpochSecond)}:
 *       incremental, single writer
 *   <li>{@code int recommend(int[] context, int[] history, int k, int[] outProducts, float[]
 *       outScores, int[] outAnchor, int[] outCoCount)}: the top {@code k} products for this
 *       context (cart, viewed product or order lines) and history (the customer's past products),
 *       context products excluded; returns how many were written; {@code outAnchor} is the context
 *       or history product that contributed most, {@code outCoCount} in how many orders it was
 *       bought with the candidate (for the reason)
 * </ul>
 */
public final class CoPurchaseIndex {

  private CoPurchaseIndex() {}
}
