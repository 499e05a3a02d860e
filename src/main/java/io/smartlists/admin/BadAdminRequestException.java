package io.smartlists.admin;

/** A request the admin's own pages never send (answered 400 with one sentence, no stack trace). */
final class BadAdminRequestException extends RuntimeException {

  BadAdminRequestException(String message) {
    super(message);
  }
}
