package io.lunora.system.aws;

import io.lunora.testing.RecordingHttpEndpoint;
import io.lunora.testing.RecordingHttpEndpoint.Recorded;
import io.lunora.testing.RecordingHttpEndpoint.Reply;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * MediaLive, MediaPackage, Secrets Manager and CloudWatch on one loopback endpoint, answering as the API
 * references say (the answers of {@code MediaLiveRelayTest} and {@code MediaLiveHealthTest}), and
 * doing what MediaLive does with a relay channel: when the channel starts, every SRT output of its
 * last CreateChannel/UpdateChannel body gets a {@link RenditionSender} to its destination, with the
 * passphrase the backend stored under the output's secret ARN; when it stops, they stop.
 *
 * <p>MediaPackage has the media stack's packaging channel (named as the MediaLive channel) with one
 * HLS origin endpoint serving {@link #HLS_PATH}, as the backend's preflight asks before a build.
 *
 * <p>Channel states move as MediaLive's do, one DescribeChannel later: CREATING then IDLE,
 * STARTING then RUNNING, STOPPING then IDLE.
 */
final class MediaLiveStandIn implements AutoCloseable {
    static final String CHANNEL_ID = "4242";
    static final String HLS_PATH = "/out/v1/6d8c2a0b4f9e4c7d9a1b3c5d7e9f0a1b/index.m3u8";
    private static final String CHANNEL = "/prod/channels/" + CHANNEL_ID;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RecordingHttpEndpoint endpoint = new RecordingHttpEndpoint();
    private final String channelName;
    /** Secret ARN to its latest value, as CreateSecret and PutSecretValue left it. */
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final List<RenditionSender> senders = new ArrayList<>();
    private final List<RenditionSender.Output> sent = new ArrayList<>();
    private String state = "IDLE";
    private String nextState;
    private boolean channelExists;
    private String input;
    private JsonNode channelBody;

    MediaLiveStandIn(String channelName) {
        this.channelName = channelName;
        endpoint.answer(this::answer);
    }

    String url() {
        return endpoint.url();
    }

    List<Recorded> requests() {
        return endpoint.requests();
    }

    /** The MediaLive calls as {@code METHOD /path} (without query), in order; Secrets Manager and CloudWatch left out. */
    List<String> mediaLiveCalls() {
        return mediaLiveCalls(0);
    }

    /** The MediaLive calls among the requests from the {@code from}-th on. */
    List<String> mediaLiveCalls(int from) {
        List<Recorded> all = endpoint.requests();
        return all.subList(from, all.size()).stream().filter(r -> r.path().startsWith("/prod/"))
                .map(r -> r.method() + " " + r.path().replaceAll("\\?.*", "")).toList();
    }

    /** The MediaPackage calls as {@code METHOD /path?query}, in order. */
    List<String> mediaPackageCalls() {
        return endpoint.requests().stream().filter(r -> r.path().startsWith("/channels/")
                || r.path().startsWith("/origin_endpoints")).map(r -> r.method() + " " + r.path()).toList();
    }

    /** The MediaLive calls that change something (all but reads) among the requests from the {@code from}-th on. */
    List<String> mediaLiveChanges(int from) {
        return mediaLiveCalls(from).stream().filter(c -> !c.startsWith("GET ")).toList();
    }

    /** The last CreateChannel or UpdateChannel body. */
    synchronized JsonNode channel() {
        return channelBody;
    }

    /** The SRT outputs the running channel sends, as the senders were started. */
    synchronized List<RenditionSender.Output> sending() {
        return List.copyOf(sent);
    }

    synchronized List<Long> senderPids() {
        return senders.stream().map(RenditionSender::pid).toList();
    }

    private synchronized Reply answer(Recorded r) {
        String target = r.header("X-Amz-Target");
        if (target != null) {
            return secretsManager(target, json(r.body()));
        }
        if (r.method().equals("POST") && r.path().equals("/")) {
            return new Reply(200, "text/xml", NO_METRICS); // CloudWatch GetMetricData
        }
        String path = r.path().replaceAll("\\?.*", "");
        if (r.method().equals("GET") && path.equals("/channels/" + channelName)) {
            return Reply.json(200, PACKAGING_CHANNEL.formatted(channelName));
        }
        if (r.method().equals("GET") && path.equals("/origin_endpoints")) {
            return Reply.json(200, ORIGIN_ENDPOINTS.formatted(channelName, HLS_PATH));
        }
        String describedState = state;
        if (path.equals(CHANNEL) && r.method().equals("GET") && nextState != null) {
            // the state a transition was heading for shows from the next DescribeChannel on
            state = nextState;
            nextState = null;
        }
        return switch (r.method() + " " + path) {
            case "GET /prod/inputs" -> Reply.json(200, "{\"inputs\":[" + (input == null ? "" : input) + "]}");
            case "POST /prod/inputs" -> {
                input = "{\"id\":\"input-1\",\"name\":\"" + json(r.body()).path("name").asString()
                        + "\",\"srtSettings\":" + json(r.body()).path("srtSettings") + "}";
                yield Reply.json(201, "{\"input\":{\"id\":\"input-1\"}}");
            }
            case "GET /prod/channels" -> Reply.json(200, channelExists
                    ? "{\"channels\":[{\"id\":\"" + CHANNEL_ID + "\",\"name\":\"" + channelName + "\"}]}"
                    : "{\"channels\":[]}");
            case "POST /prod/channels" -> {
                channelExists = true;
                channelBody = json(r.body());
                transition("CREATING", "IDLE");
                yield Reply.json(201, "{\"channel\":{\"id\":\"" + CHANNEL_ID + "\",\"state\":\"CREATING\"}}");
            }
            case "PUT " + CHANNEL -> {
                if (!state.equals("IDLE")) {
                    yield Reply.json(409, "{\"message\":\"channel is not idle\"}");
                }
                channelBody = json(r.body());
                transition("UPDATING", "IDLE");
                yield Reply.json(200, "{\"channel\":{\"id\":\"" + CHANNEL_ID + "\",\"state\":\"UPDATING\"}}");
            }
            case "POST " + CHANNEL + "/start" -> {
                transition("STARTING", "RUNNING");
                startSending();
                yield Reply.json(200, "{\"id\":\"" + CHANNEL_ID + "\",\"state\":\"STARTING\"}");
            }
            case "POST " + CHANNEL + "/stop" -> {
                transition("STOPPING", "IDLE");
                stopSending();
                yield Reply.json(200, "{\"id\":\"" + CHANNEL_ID + "\",\"state\":\"STOPPING\"}");
            }
            case "GET " + CHANNEL -> Reply.json(200, """
                    {"id":"%s","name":"%s","state":"%s",
                     "inputAttachments":[{"inputAttachmentName":"primary","inputId":"input-1"}],
                     "pipelineDetails":[{"pipelineId":"0","activeInputAttachmentName":"primary"}]}"""
                    .formatted(CHANNEL_ID, channelName, describedState));
            case "GET " + CHANNEL + "/alerts" -> Reply.json(200, "{\"alerts\":[]}");
            default -> Reply.json(404, "{\"message\":\"not here\"}");
        };
    }

    private void transition(String now, String next) {
        state = now;
        nextState = next;
    }

    private Reply secretsManager(String target, JsonNode body) {
        String name = body.path("Name").asString(body.path("SecretId").asString());
        String arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:" + name;
        if (target.equals("secretsmanager.CreateSecret") && secrets.containsKey(arn)) {
            return Reply.json(400, "{\"__type\":\"ResourceExistsException\",\"message\":\"the secret exists\"}");
        }
        secrets.put(arn, body.path("SecretString").asString());
        return Reply.json(200, "{\"ARN\":\"" + arn + "\",\"Name\":\"" + name + "\"}");
    }

    /** Every SRT output group of the channel: its destination, passphrase and video description. */
    private void startSending() {
        Map<String, JsonNode> destinations = new HashMap<>();
        channelBody.path("destinations").forEach(d -> destinations.put(d.path("id").asString(), d));
        Map<String, JsonNode> videos = new HashMap<>();
        channelBody.path("encoderSettings").path("videoDescriptions").forEach(v -> videos.put(v.path("name").asString(), v));
        for (JsonNode group : channelBody.path("encoderSettings").path("outputGroups")) {
            if (group.path("outputGroupSettings").path("srtGroupSettings").isMissingNode()) {
                continue;
            }
            JsonNode output = group.path("outputs").path(0);
            JsonNode srt = output.path("outputSettings").path("srtOutputSettings");
            JsonNode destination = destinations.get(srt.path("destination").path("destinationRefId").asString())
                    .path("srtSettings").path(0);
            JsonNode video = videos.get(output.path("videoDescriptionName").asString());
            URI url = URI.create(destination.path("url").asString());
            RenditionSender.Output to = new RenditionSender.Output(url.getHost(), url.getPort(),
                    destination.path("streamId").asString(),
                    secrets.get(destination.path("encryptionPassphraseSecretArn").asString()),
                    srt.path("latency").asInt(), video.path("width").asInt(), video.path("height").asInt());
            sent.add(to);
            senders.add(RenditionSender.send(to));
        }
    }

    private void stopSending() {
        senders.forEach(RenditionSender::close);
        senders.clear();
        sent.clear();
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    @Override
    public synchronized void close() {
        stopSending();
        endpoint.close();
    }

    /** MediaPackage DescribeChannel's answer (API reference: Channel), ingest credentials included. */
    private static final String PACKAGING_CHANNEL = """
            {"arn":"arn:aws:mediapackage:us-east-1:123456789012:channels/0f3a9c2e5b7d4e18a6c4b2d0e8f6a4c2",
             "id":"%s","hlsIngest":{"ingestEndpoints":[{"id":"ie-1",
               "url":"https://3f8a.mediapackage.us-east-1.amazonaws.com/in/v2/0f3a9c2e/0f3a9c2e/channel",
               "username":"ingest-user-1","password":"ingest-password-1"}]}}""";

    /** MediaPackage ListOriginEndpoints' answer (API reference: OriginEndpointList): the media stack's HLS endpoint. */
    private static final String ORIGIN_ENDPOINTS = """
            {"originEndpoints":[{"id":"hls","channelId":"%s","manifestName":"index",
              "url":"https://abc123.mediapackage.us-east-1.amazonaws.com%s","hlsPackage":{"segmentDurationSeconds":6}}]}""";

    private static final String NO_METRICS = """
            <GetMetricDataResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/">
              <GetMetricDataResult><MetricDataResults/><Messages/></GetMetricDataResult>
              <ResponseMetadata><RequestId>6f1c3a52-0000-4000-8000-000000000001</RequestId></ResponseMetadata>
            </GetMetricDataResponse>""";
}
