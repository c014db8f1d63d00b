package io.openclaw.hq.doctor.host;

/** The way to the host: SSH to the active target, or the local machine in local mode. */
public interface HostShell {

    /** The target's name, used in the lock {@code host:<target>} and in reports. */
    String target();

    /** {@code ssh} or {@code local}. */
    String mode();

    /** Opens a session; {@link HostUnreachableException} when the host cannot be reached or is refused. */
    HostSession open();
}
