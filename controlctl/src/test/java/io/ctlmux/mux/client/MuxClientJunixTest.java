package io.ctlmux.mux.client;

/**
 * Every {@link MuxClientTest} case over the junixsocket transport (the one sessions use, and the launcher's choice for
 * all requests when junixsocket's native library is ready): the same errors, within the same deadlines.
 */
class MuxClientJunixTest extends MuxClientTest {
    @Override
    MuxClientOptions opts() {
        return super.opts().withPassDescriptors(true);
    }
}
