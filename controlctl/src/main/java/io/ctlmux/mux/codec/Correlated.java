package io.ctlmux.mux.codec;

/** A message that carries a request id; a reply must echo the id of the request it answers. */
public interface Correlated {
    int requestId();
}
