/** Erasing a shopper's data from the module: {@link io.smartlists.privacy.SmartListsPrivacy}. */
@NullMarked
package io.smartlists.privacy;

import org.jspecify.annotations.NullMarked;
