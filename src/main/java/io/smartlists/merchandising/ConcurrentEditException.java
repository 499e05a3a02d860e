package io.smartlists.merchandising;

/**
 * Another administrator saved the same cell (or the rules) after this one opened it: the change is
 * refused rather than silently overwriting theirs.
 */
public final class ConcurrentEditException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ConcurrentEditException(String what, Throwable cause) {
    super(what + " was changed by someone else in the meantime", cause);
  }

  public ConcurrentEditException(String what) {
    super(what + " was changed by someone else in the meantime");
  }
}
