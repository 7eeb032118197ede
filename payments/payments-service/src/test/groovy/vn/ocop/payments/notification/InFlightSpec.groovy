package vn.ocop.payments.notification

import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.ExecutionException
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger
import spock.lang.AutoCleanup
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

/** Copies of one notification arriving together share the first one's handling. */
class InFlightSpec extends Specification {

    InFlight<String, String> inFlight = new InFlight<>()
    @AutoCleanup('shutdownNow') def pool = Executors.newFixedThreadPool(4)

    def "copies that arrive while the first is handled wait for its outcome; the handling runs once"() {
        given: 'the first copy is being handled and cannot finish yet'
        def runs = new AtomicInteger()
        def started = new CountDownLatch(1)
        def release = new CountDownLatch(1)
        def first = pool.submit({
            inFlight.run('q=1') { runs.incrementAndGet(); started.countDown(); release.await(); 'settled' }
        } as Callable)
        started.await(5, TimeUnit.SECONDS)

        when: 'three copies arrive, then the first finishes'
        def waiting = [].asSynchronized()
        def copies = (1..3).collect {
            pool.submit({ waiting << Thread.currentThread(); inFlight.run('q=1') { runs.incrementAndGet(); 'again' } } as Callable)
        }
        waitUntilParked(waiting, 3)
        release.countDown()

        then:
        first.get(5, TimeUnit.SECONDS) == new InFlight.Outcome('settled', false)
        copies*.get(5, TimeUnit.SECONDS) == [new InFlight.Outcome('settled', true)] * 3
        runs.get() == 1
        inFlight.size() == 0
    }

    def "a notification that arrives after the first finished is handled again, and different ones never wait for each other"() {
        expect:
        inFlight.run('q=1') { 'first' } == new InFlight.Outcome('first', false)
        inFlight.run('q=1') { 'later' } == new InFlight.Outcome('later', false)
        inFlight.run('q=2') { inFlight.run('q=3') { 'inner' }.value() + ' outer' } == new InFlight.Outcome('inner outer', false)
    }

    def "copies waiting for a handling that throws get its exception, and the next copy is handled afresh"() {
        given:
        def started = new CountDownLatch(1)
        def release = new CountDownLatch(1)
        def first = pool.submit({
            inFlight.run('q=1') { started.countDown(); release.await(); throw new IllegalStateException('database down') }
        } as Callable)
        started.await(5, TimeUnit.SECONDS)
        def waiting = [].asSynchronized()
        def copy = pool.submit({ waiting << Thread.currentThread(); inFlight.run('q=1') { 'never run' } } as Callable)
        waitUntilParked(waiting, 1)

        when:
        release.countDown()
        copy.get(5, TimeUnit.SECONDS)

        then:
        def e = thrown(ExecutionException)
        e.cause instanceof IllegalStateException
        e.cause.message == 'database down'

        when:
        first.get(5, TimeUnit.SECONDS)

        then:
        thrown(ExecutionException)
        inFlight.run('q=1') { 'retried' } == new InFlight.Outcome('retried', false)
    }

    /** Until the given number of copies' threads wait (parked in the join on the first one's outcome). */
    private static void waitUntilParked(List<Thread> threads, int count) {
        new PollingConditions(timeout: 5).eventually {
            assert threads.size() == count
            assert threads.every { it.state == Thread.State.WAITING }
        }
    }
}
