package io.ctlmux.mux.transport;

import java.io.Closeable;
import java.io.FileDescriptor;
import java.io.IOException;
import java.nio.file.Path;

/** A connected mux control socket that moves whole frames. Obtain one from {@link ControlSockets#connect}. */
public interface ControlSocket extends Closeable {
    /** The path this socket is connected to. */
    Path path();

    /** Writes one complete frame (header included), finishing before the deadline. */
    void writeFrame(byte[] frame, Deadline deadline) throws IOException;

    /** Reads exactly one frame body (see {@link Frames#readFrame}). */
    byte[] readFrame(Deadline deadline) throws IOException;

    /** Whether {@link #sendDescriptor} works on this socket. */
    boolean canPassDescriptors();

    /** Sends one descriptor in its own message carrying one data byte ({@code \0}), as OpenSSH does. */
    void sendDescriptor(FileDescriptor fd) throws IOException;

    /** Closes the sending direction only, so the peer sees EOF while replies can still be read. */
    void shutdownOutput() throws IOException;
}
