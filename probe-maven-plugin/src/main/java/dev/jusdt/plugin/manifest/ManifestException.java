package dev.jusdt.plugin.manifest;

/** A manifest cannot be read or does not follow the format; the message names the file. */
public final class ManifestException extends Exception {

  private static final long serialVersionUID = 1L;

  /**
   * A problem with a manifest.
   *
   * @param message what is wrong, naming the file
   */
  public ManifestException(String message) {
    super(message);
  }

  /**
   * A problem with a manifest that an underlying exception explains.
   *
   * @param message what is wrong, naming the file
   * @param cause the parser's or the file system's exception
   */
  public ManifestException(String message, Throwable cause) {
    super(message, cause);
  }
}
