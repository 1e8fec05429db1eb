import Foundation
import Glibc
import Testing

@testable import PalabreTerminal

/// The watch of termination signals is in place when `install()` returns: a signal sent at once
/// is seen, not ignored while libdispatch registers its sources on another thread.
@Suite("Termination signals", .serialized)
struct TerminationSignalsTests {
    @Test("After install every watched signal is caught, and a SIGHUP sent at once is seen")
    func caughtOnReturn() throws {
        TerminationSignals.install()
        for sig in TerminationSignals.watched {
            #expect(TerminationSignals.isCaught(sig), "\(TerminationSignals.name(of: sig)) has a handler")
        }
        TerminationSignals.reset()
        kill(getpid(), SIGHUP)
        let deadline = ContinuousClock.now + .seconds(5)
        while TerminationSignals.pending() == nil && ContinuousClock.now < deadline { usleep(1000) }
        #expect(TerminationSignals.pending() == SIGHUP)
        TerminationSignals.reset()
    }
}
