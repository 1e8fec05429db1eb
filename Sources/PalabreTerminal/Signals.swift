import Dispatch
import Glibc
import Synchronization

/// The last termination signal received (SIGINT, SIGTERM, SIGHUP, SIGQUIT), 0 for none. Written by
/// the dispatch signal sources, read by the main loop.
private let receivedSignal = Atomic<Int32>(0)

/// Watches SIGINT, SIGTERM, SIGHUP and SIGQUIT without running any code in a signal handler: each
/// signal is ignored at the process level and observed through a `DispatchSource`, whose
/// handler only stores the signal number in an atomic flag. The main loop polls
/// `pending()` and shuts the terminal down itself.
///
///     TerminationSignals.install()
///     while TerminationSignals.pending() == nil { … }
public enum TerminationSignals {
    /// The signals watched.
    /// SIGQUIT (Ctrl-\\ in a cooked terminal, `kill -QUIT`) ends the seat cleanly too: left to the
    /// Swift runtime, its backtracer would hold the terminal waiting for a key.
    public static let watched: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    private final class Sources: @unchecked Sendable {
        // Kept alive for the life of the process; only touched once, during install.
        var sources: [any DispatchSourceSignal] = []
    }

    private static let installed: Sources = makeSources()

    /// Installs the watch (once per process; later calls do nothing). Returns once every watched
    /// signal is caught: libdispatch registers a signal source on its own thread, some time
    /// after `resume()`, and a signal that comes before is ignored and lost — a `kill` sent just
    /// after a seat showed its first frame was. The wait is 2 s at most (a busy machine).
    public static func install() {
        _ = installed
        let deadline = ContinuousClock.now + .seconds(2)
        while !watched.allSatisfy(isCaught) && ContinuousClock.now < deadline { usleep(1000) }
    }

    /// Whether `sig` has a handler (neither ignored nor left to its default action).
    public static func isCaught(_ sig: Int32) -> Bool {
        var current = sigaction()
        guard sigaction(sig, nil, &current) == 0 else { return false }
        let handler = unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self)
        // SIG_DFL is 0 and SIG_IGN is 1.
        return handler != 0 && handler != 1
    }

    /// Creates the sources outside any actor, so their handlers are not main-actor code.
    private nonisolated static func makeSources() -> Sources {
        let holder = Sources()
        let queue = DispatchQueue(label: "palabre.signals")
        for sig in watched {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: queue)
            source.setEventHandler {
                receivedSignal.store(sig, ordering: .sequentiallyConsistent)
            }
            source.resume()
            holder.sources.append(source)
        }
        return holder
    }

    /// The last signal received since the start (or the last `reset()`), or nil.
    public static func pending() -> Int32? {
        let value = receivedSignal.load(ordering: .sequentiallyConsistent)
        return value == 0 ? nil : value
    }

    /// Forgets a received signal.
    public static func reset() {
        receivedSignal.store(0, ordering: .sequentiallyConsistent)
    }

    /// A signal's usual name: `SIGTERM`.
    public static func name(of sig: Int32) -> String {
        switch sig {
        case SIGINT: return "SIGINT"
        case SIGTERM: return "SIGTERM"
        case SIGHUP: return "SIGHUP"
        case SIGQUIT: return "SIGQUIT"
        default: return "signal \(sig)"
        }
    }
}
