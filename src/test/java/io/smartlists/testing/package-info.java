/** Test utilities shared by tests of several packages (browser, statistics sinks). */
@NullMarked
package io.smartlists.testing;

import org.jspecify.annotations.NullMarked;
