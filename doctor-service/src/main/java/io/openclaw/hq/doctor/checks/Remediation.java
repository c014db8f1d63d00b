package io.openclaw.hq.doctor.checks;

/** The remediation texts a FAIL carries; the sshd one is the reference's remediation box. */
public final class Remediation {

    public static final String SCRIPT = "/usr/local/lib/openclaw/openclaw_fix_ssh_tailscale_only.sh";

    public static final String SSHD_PUBLIC = """
            SSHD_PUBLIC: sshd is reachable on a public address.
            Fix (lockout-safe; only while Tailscale is up):
              POST /heal {"mode":"apply"}   or, on the host as root:   %s
            The script disables and masks ssh.socket, sshd.socket and ssh@*.socket (then daemon-reload),
            ensures 'Include /etc/ssh/sshd_config.d/*.conf', comments out conflicting ListenAddress and
            AddressFamily lines (with backups), binds sshd to the Tailscale IPv4 only, validates with
            sshd -t and sshd -T, verifies with ss, and rolls everything back on any failure.
            The guard applies it by itself when Tailscale is up; it never touches sshd when Tailscale is down.""".formatted(SCRIPT);

    private Remediation() {
    }
}
