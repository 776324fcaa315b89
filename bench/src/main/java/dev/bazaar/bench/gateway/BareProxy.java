package dev.bazaar.bench.gateway;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;

/**
 * The least a proxy hop costs on this machine: Reactor Netty's server handing each request to
 * Reactor Netty's client (what Spring Cloud Gateway is built on), headers and bodies passed through,
 * with no routing table, security, rate limit, breaker or metrics. {@code ./bazaar bench gateway
 * --floor} measures it in the gateway's place, so the gateway's overhead can be read against the
 * hop's own.
 *
 * <p>{@code BareProxy PORT BACKEND_URL}
 */
public final class BareProxy {

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        HttpClient backend =
                HttpClient.create(ConnectionProvider.create("bare-proxy", 500)).baseUrl(args[1]);
        HttpServer.create()
                .host("127.0.0.1")
                .port(port)
                .handle((request, response) -> backend.headers(
                                headers -> headers.add(request.requestHeaders()).remove(HttpHeaderNames.HOST))
                        .request(request.method())
                        .uri(request.uri())
                        .send(request.receive().retain())
                        .response((answer, body) -> {
                            HttpHeaders headers = answer.responseHeaders();
                            return response.status(answer.status())
                                    .headers(headers)
                                    .send(body.retain())
                                    .then();
                        }))
                .bindNow()
                .onDispose()
                .block();
    }

    private BareProxy() {}
}
