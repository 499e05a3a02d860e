/**
 * The smart-list strategies (DESIGN.md §3), one class per {@link
 * io.smartlists.engine.model.ListType}, and their registry. A new list type is one {@link
 * io.smartlists.engine.lists.SmartList} plus its registration. Reads {@code engine.signals}.
 */
@NullMarked
package io.smartlists.engine.lists;

import org.jspecify.annotations.NullMarked;
