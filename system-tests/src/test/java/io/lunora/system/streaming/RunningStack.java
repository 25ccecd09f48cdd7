package io.lunora.system.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.system.stack.Launcher;

/**
 * The stack one test class brings up with {@code ./lunora up}: its launcher, the gateway's API on it
 * and its people. Closing closes the API and takes the stack down, whatever the test left running.
 */
public final class RunningStack implements AutoCloseable {
    private final Launcher launcher;
    private final GatewayApi api;

    private RunningStack(Launcher launcher) {
        this.launcher = launcher;
        this.api = new GatewayApi(gateway());
    }

    /** Brings up {@code services}; the test fails with the launcher's output when they do not come up. */
    public static RunningStack up(Launcher launcher, String services) {
        RunningStack stack = new RunningStack(launcher);
        try {
            Launcher.Result up = launcher.run(services, "up", "--no-build");
            assertThat(up.exitCode()).as("./lunora up:%n%s", up.output()).isZero();
            return stack;
        } catch (RuntimeException | AssertionError e) {
            stack.close(); // what did come up goes down again
            throw e;
        }
    }

    public Launcher launcher() {
        return launcher;
    }

    public GatewayApi api() {
        return api;
    }

    public StackUsers users() {
        return new StackUsers(launcher);
    }

    /** The gateway's base URL, as the web apps and the API are reached. */
    public String gateway() {
        return "http://localhost:" + launcher.port("LUNORA_GATEWAY_PORT");
    }

    @Override
    public void close() {
        try {
            api.close();
        } finally {
            launcher.run("", "down");
        }
    }
}
