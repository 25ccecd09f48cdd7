package io.lunora.auth.mail;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * The address of the socket's peer, as a request attribute. Tomcat's RemoteIpValve replaces
 * {@code getRemoteAddr()} with what X-Forwarded-For claims; a check that must not trust any header
 * ("is the caller on this machine?") reads {@link #of} instead. The valve reads Tomcat's peer address,
 * which no valve rewrites, so its place in the pipeline does not matter.
 */
@Component
class PeerAddress implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {
    private static final String ATTRIBUTE = PeerAddress.class.getName();

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addEngineValves(new ValveBase(true) {
            @Override
            public void invoke(Request request, Response response) throws IOException, ServletException {
                request.setAttribute(ATTRIBUTE, request.getPeerAddr());
                getNext().invoke(request, response);
            }
        });
    }

    /** The peer's address; null when the request did not come through Tomcat's connector. */
    static String of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof String address ? address : null;
    }
}
