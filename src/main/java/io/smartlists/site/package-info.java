/**
 * The storefront side of Smart Lists: the {@code sl:} Thymeleaf dialect that places widgets and
 * records product views, the visitor cookie, click tracking (redirects only to the catalogue's own
 * product URL) and the JSON widget endpoint for headless fronts. Rendering reads the engine's
 * {@link io.smartlists.engine.model.Widget} through a {@link io.smartlists.site.WidgetView}; the
 * markup lives in {@code site-templates/templates/smartlists/widget.html} so a store theme can
 * override it.
 */
@NullMarked
package io.smartlists.site;

import org.jspecify.annotations.NullMarked;
