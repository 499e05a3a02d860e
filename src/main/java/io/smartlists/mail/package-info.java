/**
 * Smart lists in e-mails (issue 12): the blocks of the {@code EMAIL_*} placements rendered from the
 * same widget model as the storefront, as e-mail-safe HTML (MJML through mjml4j), plain text and
 * JSON ({@link io.smartlists.mail.SmartListsMail}); signed links that outlive a session and are
 * re-checked for eligibility when followed ({@link io.smartlists.mail.MailLinks}, {@link
 * io.smartlists.mail.MailClickController}); the personalised landing page; the REST endpoint a
 * store's mailer or an external e-mail tool calls with the store's API key ({@link
 * io.smartlists.mail.MailApiController}). Plain classes: the beans are declared in {@code
 * io.smartlists.autoconfigure}.
 */
@NullMarked
package io.smartlists.mail;

import org.jspecify.annotations.NullMarked;
