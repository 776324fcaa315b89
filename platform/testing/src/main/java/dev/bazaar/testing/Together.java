package dev.bazaar.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Calls released at the same moment, each on its own thread: the races a test must provoke (twenty
 * shoppers adding the last item, retries of one request arriving together). Every thread is started
 * and waits on one latch before any call begins, so the calls overlap as much as the machine lets
 * them. A call that throws fails the whole run with its exception.
 */
public final class Together {

    private Together() {}

    /** {@code call} on {@code threads} threads at once; the answers in the threads' order. */
    public static <T> List<T> run(int threads, Callable<T> call) throws Exception {
        return run(Collections.nCopies(threads, call));
    }

    /** Each of {@code calls} on a thread of its own, all at once; the answers in the calls' order. */
    public static <T> List<T> run(List<? extends Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
