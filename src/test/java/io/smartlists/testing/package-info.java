/**
 * Test utilities shared by the tests: a headless browser, in-memory templates, statistics sinks
 * (synchronous and recording), a database that can be switched off ({@link OutageDataSource}), the
 * module's migrations ({@link ModuleSchema}) and waiting for background threads ({@link Await}).
 */
@NullMarked
package io.smartlists.testing;

import org.jspecify.annotations.NullMarked;
