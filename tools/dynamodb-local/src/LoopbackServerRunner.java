import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * DynamoDB Local's ServerRunner, listening on one address only (127.0.0.1 unless the system property
 * {@code lunora.dynamodb.address} says otherwise): the stock runner has no such option and listens on
 * every interface, which would hand the whole database to the network. Run from source by ./lunora
 * ({@code java -cp 'target/lib/*' src/LoopbackServerRunner.java <ServerRunner options>}).
 */
public class LoopbackServerRunner {
    public static void main(String[] args) throws Exception {
        String address = System.getProperty("lunora.dynamodb.address", "127.0.0.1");
        DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
        // the Jetty server is private to DynamoDBProxyServer; its connector is not started yet
        Field field = DynamoDBProxyServer.class.getDeclaredField("server");
        field.setAccessible(true);
        Server server = (Server) field.get(proxy);
        for (Connector connector : server.getConnectors()) {
            if (connector instanceof ServerConnector network) {
                network.setHost(address);
            }
        }
        proxy.start();
        proxy.join();
    }
}
