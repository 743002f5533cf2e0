package nl.quickscan.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.netty.NettyHttpRequest;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * A filter's answer that is known only once some work has finished (a form body has arrived, a session has been
 * looked up) without a thread waiting for it: the filter returns at once, and the response publisher it chooses
 * is subscribed when the future completes.
 */
public final class Later {

    private Later() {
    }

    public static <T> Publisher<T> publisher(CompletableFuture<? extends Publisher<T>> future) {
        return subscriber -> future.whenComplete((publisher, failure) -> {
            if (failure == null) {
                publisher.subscribe(subscriber);
            } else {
                failed(subscriber, failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
            }
        });
    }

    /**
     * The event loop of the request's connection, where the request goes on once the work is done. Going on from
     * inside the callback that finished a body would re-enter Netty's body buffer, which it does not allow.
     */
    public static Executor eventLoopOf(HttpRequest<?> request) {
        return request instanceof NettyHttpRequest<?> netty ? netty.getChannelHandlerContext().executor() : Runnable::run;
    }

    private static <T> void failed(Subscriber<? super T> subscriber, Throwable failure) {
        subscriber.onSubscribe(new Subscription() {
            @Override
            public void request(long n) {
            }

            @Override
            public void cancel() {
            }
        });
        subscriber.onError(failure);
    }
}
