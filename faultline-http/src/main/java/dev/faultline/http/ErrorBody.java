package dev.faultline.http;

/**
 * The body of an error response as the client collected it: at most the configured number of bytes.
 * An internal marker type: a user's body handler can never produce one, so a response whose body is
 * an {@code ErrorBody} is known to be an error the client must decode.
 *
 * @param bytes what was read, never more than the limit
 * @param cut whether the peer sent more (or the body broke off) and the rest was not read
 */
record ErrorBody(byte[] bytes, boolean cut) {}
