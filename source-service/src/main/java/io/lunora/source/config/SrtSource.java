package io.lunora.source.config;

/**
 * One encoder's SRT settings as stored: the passphrase itself lives in the secret store, the
 * configuration keeps only the parameter name.
 */
public record SrtSource(String name, SrtMode mode, String host, int port, int latencyMs, Integer pbkeylen,
        String streamId, String passphraseParameter) {

    public boolean encrypted() {
        return passphraseParameter != null;
    }
}
