package io.smartlists.host;

import org.jspecify.annotations.Nullable;

/**
 * One node of the host's category tree (Broadleaf {@code Category}, OFBiz {@code ProductCategory}
 * with {@code ProductCategoryRollup}).
 *
 * @param id the host's category id
 * @param name the display name
 * @param parentId the parent category, or null for a root
 */
public record CategoryInfo(String id, String name, @Nullable String parentId) {}
