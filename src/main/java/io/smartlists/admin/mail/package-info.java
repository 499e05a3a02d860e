/**
 * The admin's E-mail screen ({@code /admin/smartlists/mail}): the newsletter job (a journey stage
 * or pasted customer ids, a progress bar fed by a JSON status endpoint, cancel, download as JSON
 * Lines or CSV) and the UTM parameters of each e-mail placement.
 */
@NullMarked
package io.smartlists.admin.mail;

import org.jspecify.annotations.NullMarked;
