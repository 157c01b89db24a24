package org.moviestream.view.api;

/**
 * A request the API cannot answer as asked; the message is the one-line reason the client gets with
 * a 400.
 */
public final class BadRequestException extends RuntimeException {
  public BadRequestException(String reason) {
    super(reason);
  }
}
