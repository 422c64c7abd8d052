package org.tongke.recorder.catalog;

/** The catalog's database failed; the message names the statement's trouble. */
public final class CatalogException extends RuntimeException {
    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
