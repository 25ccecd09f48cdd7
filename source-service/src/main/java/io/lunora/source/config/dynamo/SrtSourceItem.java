package io.lunora.source.config.dynamo;

import io.lunora.source.config.SrtSource;
import io.lunora.source.config.SrtMode;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/** Storage shape of one encoder's settings (a map attribute). Holds the passphrase's parameter name only. */
@DynamoDbBean
public class SrtSourceItem {
    private String name;
    private String mode;
    private String host;
    private Integer port;
    private Integer latencyMs;
    private Integer pbkeylen;
    private String streamId;
    private String passphraseParam;

    static SrtSourceItem of(SrtSource s) {
        if (s == null) {
            return null;
        }
        SrtSourceItem i = new SrtSourceItem();
        i.name = s.name();
        i.mode = s.mode().value();
        i.host = s.host();
        i.port = s.port();
        i.latencyMs = s.latencyMs();
        i.pbkeylen = s.pbkeylen();
        i.streamId = s.streamId();
        i.passphraseParam = s.passphraseParameter();
        return i;
    }

    static SrtSource toDomain(SrtSourceItem i) {
        return i == null ? null : new SrtSource(i.name, SrtMode.of(i.mode), i.host, i.port, i.latencyMs,
                i.pbkeylen, i.streamId, i.passphraseParam);
    }

    @DynamoDbAttribute("name")
    public String getName() { return name; }
    public void setName(String v) { name = v; }

    @DynamoDbAttribute("mode")
    public String getMode() { return mode; }
    public void setMode(String v) { mode = v; }

    @DynamoDbAttribute("host")
    public String getHost() { return host; }
    public void setHost(String v) { host = v; }

    @DynamoDbAttribute("port")
    public Integer getPort() { return port; }
    public void setPort(Integer v) { port = v; }

    @DynamoDbAttribute("latency_ms")
    public Integer getLatencyMs() { return latencyMs; }
    public void setLatencyMs(Integer v) { latencyMs = v; }

    @DynamoDbAttribute("pbkeylen")
    public Integer getPbkeylen() { return pbkeylen; }
    public void setPbkeylen(Integer v) { pbkeylen = v; }

    @DynamoDbAttribute("stream_id")
    public String getStreamId() { return streamId; }
    public void setStreamId(String v) { streamId = v; }

    @DynamoDbAttribute("passphrase_param")
    public String getPassphraseParam() { return passphraseParam; }
    public void setPassphraseParam(String v) { passphraseParam = v; }
}
