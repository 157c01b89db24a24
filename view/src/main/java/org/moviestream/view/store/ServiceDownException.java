package org.moviestream.view.store;

/** A service the answer needs cannot be reached; the message says which and why, in one line. */
public final class ServiceDownException extends RuntimeException {
  public ServiceDownException(String message, Throwable cause) {
    super(message, cause);
  }
}
