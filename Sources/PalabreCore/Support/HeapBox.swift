/// A value that is usually empty, kept on the heap behind one reference and not at all while
/// it is empty: 8 bytes in the record that holds it instead of the value's size. An entry's
/// structured fields (empty in a note) and its later history (empty in most entries of a long
/// journal) are kept so.
///
///     var box = HeapBox<Fields>(Fields(amount: 5), empty: .none)
///     box.change(empty: .none) { $0.amount = nil }   // holds nothing again
struct HeapBox<Value: Sendable & Equatable>: Sendable, Equatable {
    private indirect enum Storage: Sendable, Equatable {
        case value(Value)
    }
    private var storage: Storage?

    /// `value`, or nothing when it equals `empty`.
    init(_ value: Value, empty: Value) {
        storage = value == empty ? nil : .value(value)
    }

    /// The value held, nil when it is empty.
    var value: Value? {
        if case .value(let v) = storage { return v }
        return nil
    }

    /// Changes the value (`empty` when none is held) with `body`; an empty result is not kept.
    mutating func change(empty: Value, _ body: (inout Value) -> Void) {
        var v = value ?? empty
        body(&v)
        self = HeapBox(v, empty: empty)
    }
}
