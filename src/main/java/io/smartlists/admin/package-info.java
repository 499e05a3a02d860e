/**
 * The merchant's admin at {@code /admin/smartlists}: the journey matrix (placements × stages), the
 * slot editor, the stage and global rules, the preview of what a shopper sees and why, and the
 * change history. Controllers are package-private; {@link io.smartlists.admin.AdminPaths} lists
 * them for the auto-configuration, which imports them. Templates and assets live in the {@code
 * admin-ui} resource root, strings in {@code i18n/smartlists-admin*.properties}.
 */
@NullMarked
package io.smartlists.admin;

import org.jspecify.annotations.NullMarked;
