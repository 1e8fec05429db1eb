/// A list kept in chunks of ``chunkSize`` elements, used like an array: a copy shares every
/// chunk with the original, and appending or changing an element afterwards copies one chunk
/// (and the list of chunks, one reference each), not the whole list.
///
/// The folded state's records (entries, speaking turns) are such lists: a replay keeps a copy
/// of the state every tenth of the journal (``ReplayTimeline``), and with arrays each copy cost
/// its full size once folding went on; with chunks the copies cost what differs between them.
///
///     var a: ChunkedArray<Int> = [1, 2, 3]
///     let b = a          // shares the chunk
///     a.append(4)        // copies one chunk of at most 512 elements; b is unchanged
public struct ChunkedArray<Element>: RandomAccessCollection, MutableCollection, ExpressibleByArrayLiteral {
    /// Elements in a full chunk.
    public static var chunkSize: Int { 1 << shift }
    @inlinable static var shift: Int { 9 }
    @inlinable static var mask: Int { (1 << shift) - 1 }

    // Visible to inlined code: the element access is specialized in the modules that read the
    // lists (a screen reads thousands of entries), not looked up generically at each read.
    @usableFromInline var chunks: [[Element]] = []
    /// How many elements the list holds.
    public private(set) var count = 0

    /// An empty list.
    public init() {}

    /// The elements of `elements`, in order.
    public init<S: Sequence>(_ elements: S) where S.Element == Element {
        for e in elements { append(e) }
    }

    /// The elements written between brackets.
    public init(arrayLiteral elements: Element...) { self.init(elements) }

    public typealias Index = Int
    public typealias Indices = Range<Int>
    /// Always 0.
    @inlinable public var startIndex: Int { 0 }
    /// ``count``.
    @inlinable public var endIndex: Int { count }

    /// The element at `i` (`0 ..< count`).
    @inlinable public subscript(i: Int) -> Element {
        get {
            precondition(i >= 0 && i < count, "index out of range")
            return chunks[i >> Self.shift][i & Self.mask]
        }
        _modify {
            precondition(i >= 0 && i < count, "index out of range")
            yield &chunks[i >> Self.shift][i & Self.mask]
        }
    }

    /// Adds `element` at the end.
    public mutating func append(_ element: Element) {
        if count & Self.mask == 0 {
            var chunk: [Element] = []
            chunk.reserveCapacity(Self.chunkSize)
            chunk.append(element)
            chunks.append(chunk)
        } else {
            chunks[chunks.count - 1].append(element)
        }
        count += 1
    }

    /// Adds the elements of `elements` at the end, in order.
    public mutating func append<S: Sequence>(contentsOf elements: S) where S.Element == Element {
        for e in elements { append(e) }
    }

    /// Empties the list.
    public mutating func removeAll() {
        chunks = []
        count = 0
    }
}

extension ChunkedArray: Equatable where Element: Equatable {
    /// Same elements in the same order (the chunks are cut at the same places for equal counts;
    /// chunks shared by the two lists compare at once).
    public static func == (a: Self, b: Self) -> Bool { a.count == b.count && a.chunks == b.chunks }
}

extension ChunkedArray: Sendable where Element: Sendable {}

extension ChunkedArray: CustomStringConvertible, CustomDebugStringConvertible {
    /// The elements as an array prints them.
    public var description: String { Array(self).description }
    /// The elements as an array prints them.
    public var debugDescription: String { Array(self).debugDescription }
}
