import Foundation

/// A text kept as its UTF-8 bytes in a block shared with the texts made after it: 16 bytes like
/// a `String`, without the heap object a string of more than 15 bytes has each (32 bytes of
/// header, rounded up by `malloc`). The entries of a long journal hold their texts this way:
/// 390,000 texts of some 66 bytes take 26 MB instead of 44.
///
/// Blocks are 64 KiB, filled in turn under a lock by every thread that makes texts (a block's
/// bytes never move nor change once written, so reading needs no lock), and freed when no text
/// uses them any more. A text longer than 4 KiB gets a block of its own.
///
///     let t = StoredText("Décision : « adopté »")
///     t.string        // "Décision : « adopté »"
struct StoredText: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    private let block: Block
    private let start: UInt32
    private let count: UInt32

    /// The bytes of `text`, copied into the block being filled.
    init(_ text: String) {
        var text = text
        (block, start, count) = text.withUTF8 { Self.store($0) }
    }

    /// The text.
    var string: String {
        String(decoding: UnsafeRawBufferPointer(start: block.base + Int(start), count: Int(count)), as: UTF8.self)
    }

    /// The text (values are printed with their texts, not where their bytes are).
    var description: String { string }
    /// The text quoted, as a string's `debugDescription`.
    var debugDescription: String { string.debugDescription }

    static func == (a: StoredText, b: StoredText) -> Bool {
        a.count == b.count
            && (a.count == 0 || (a.block === b.block && a.start == b.start)
                || memcmp(a.block.base + Int(a.start), b.block.base + Int(b.start), Int(a.count)) == 0)
    }

    /// Bytes of memory, written once, read by the texts that point into them.
    private final class Block: @unchecked Sendable {
        let base: UnsafeMutableRawPointer
        let capacity: Int
        /// Bytes written; changed only under ``lock``.
        var used = 0

        init(capacity: Int) {
            self.capacity = capacity
            base = .allocate(byteCount: max(1, capacity), alignment: 1)
        }

        deinit { base.deallocate() }
    }

    private static let blockBytes = 1 << 16
    private static let ownBlockAbove = 1 << 12
    private static let lock = NSLock()
    nonisolated(unsafe) private static var filling = Block(capacity: blockBytes)

    private static func store(_ bytes: UnsafeBufferPointer<UInt8>) -> (Block, UInt32, UInt32) {
        let n = bytes.count
        if n > ownBlockAbove {
            let own = Block(capacity: n)
            if let from = bytes.baseAddress { own.base.copyMemory(from: from, byteCount: n) }
            own.used = n
            return (own, 0, UInt32(n))
        }
        lock.lock()
        defer { lock.unlock() }
        if filling.capacity - filling.used < n { filling = Block(capacity: blockBytes) }
        let block = filling, at = block.used
        if let from = bytes.baseAddress, n > 0 { (block.base + at).copyMemory(from: from, byteCount: n) }
        block.used += n
        return (block, UInt32(at), UInt32(n))
    }
}
