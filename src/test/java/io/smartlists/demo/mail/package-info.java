/**
 * The reference store's e-mails (issue 12): GreenMail embedded as the store's SMTP server, the
 * post-purchase e-mail sent when an order is confirmed, reactivation e-mails to lapsed customers
 * sent from the outbox page, and the outbox page that shows every sent e-mail as rendered HTML.
 */
@NullMarked
package io.smartlists.demo.mail;

import org.jspecify.annotations.NullMarked;
