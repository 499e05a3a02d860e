package io.smartlists.host;

import java.util.Locale;
import java.util.Set;

/**
 * A registered customer (Broadleaf {@code Customer} with its customer attributes/segments, OFBiz
 * {@code Party} with {@code PartyRole} and {@code PartyClassification}).
 *
 * @param id the host's customer id
 * @param displayName a name a merchant recognises in the admin preview
 * @param b2b true when the host treats the customer as a business account
 * @param groups the customer groups (used for B2B resolution and entitlement)
 * @param locale the customer's preferred locale
 */
public record CustomerInfo(
    String id, String displayName, boolean b2b, Set<String> groups, Locale locale) {

  public CustomerInfo {
    groups = Set.copyOf(groups);
  }
}
