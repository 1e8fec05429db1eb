// libyaml, as bundled by Yams: its event stream gives every alias with its own line and
// column, which the node tree Yams composes does not keep.
import CYaml

/// Bounds what YAML aliases (`*name`) may cost, so that a programme cannot turn a few lines
/// into gigabytes ("billion laughs", CVE-2019-11253 in Kubernetes, which now refuses such
/// documents the same way). Checked on libyaml's event stream before the document is composed,
/// in one pass whose cost is linear in the text: the size of each anchored node is recorded
/// once, and each alias adds that size to the document's expanded size.
///
/// Refused, at the line and column of the alias that passes the bound: more than
/// ``maxAliasUses`` aliases; an expanded document of more than ``maxNodes`` values or more
/// than ``maxBytes(forTextOf:)`` bytes of text; an alias of a list or a mapping used as a
/// mapping key (never meaningful in a programme, and costly to compare with other keys).
enum AliasBudget {
    /// Most alias uses in one programme (a real one uses a few dozen, for merge keys).
    static let maxAliasUses = 2_000
    /// Most values (scalars, lists and mappings) in the expanded document; the Ségou
    /// programme has about 3 000.
    static let maxNodes = 500_000
    /// Most bytes of scalar text in the expanded document: 512 KiB, or twice the file when larger
    /// (a real programme is a few dozen KiB; its aliases repeat a line or two).
    static func maxBytes(forTextOf textBytes: Int) -> Int { max(512 << 10, 2 * textBytes) }

    /// A bound passed: where (1-based) and what, for a ``Diagnostic``.
    struct Problem: Equatable {
        var line: Int
        var column: Int
        var problem: ProgrammeProblem
    }

    /// Size of a value once its aliases are expanded.
    private struct Size {
        var nodes = 0
        var bytes = 0
        mutating func add(_ other: Size) {
            nodes = nodes.addingReportingOverflow(other.nodes).overflow ? Int.max : nodes + other.nodes
            bytes = bytes.addingReportingOverflow(other.bytes).overflow ? Int.max : bytes + other.bytes
        }
    }

    /// An open list or mapping.
    private struct Frame {
        var anchor: String?
        var isMapping: Bool
        var children = 0
        var size = Size(nodes: 1, bytes: 0)
    }

    /// The first bound `text` passes, or nil when it is within all of them — or when it is not
    /// valid YAML, which the composer then reports in its own words.
    static func check(_ text: String) -> Problem? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        let bytes = Array(text.utf8)
        let maxBytes = maxBytes(forTextOf: bytes.count)
        return bytes.withUnsafeBufferPointer { buffer -> Problem? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var anchors: [String: (size: Size, isCollection: Bool)] = [:]
            var stack: [Frame] = []
            var total = Size()
            var uses = 0

            func problem(_ event: yaml_event_t, _ bound: AliasBound, _ alias: String) -> Problem {
                Problem(
                    line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1,
                    problem: .aliasBound(
                        bound, alias: alias,
                        limits: AliasLimits(uses: maxAliasUses, values: maxNodes, kibibytes: maxBytes / 1024)))
            }
            /// Adds a finished value to the list or mapping holding it; whether it is a mapping key.
            func place(_ size: Size) -> Bool {
                guard !stack.isEmpty else { return false }
                let isKey = stack[stack.count - 1].isMapping && stack[stack.count - 1].children % 2 == 0
                stack[stack.count - 1].children += 1
                stack[stack.count - 1].size.add(size)
                return isKey
            }
            func anchorName(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
                pointer.map { String(cString: $0) }
            }

            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_SCALAR_EVENT:
                    let size = Size(nodes: 1, bytes: Int(event.data.scalar.length))
                    total.add(size)
                    _ = place(size)
                    if let name = anchorName(event.data.scalar.anchor) { anchors[name] = (size, false) }
                case YAML_SEQUENCE_START_EVENT:
                    stack.append(Frame(anchor: anchorName(event.data.sequence_start.anchor), isMapping: false))
                    total.add(Size(nodes: 1, bytes: 0))
                case YAML_MAPPING_START_EVENT:
                    stack.append(Frame(anchor: anchorName(event.data.mapping_start.anchor), isMapping: true))
                    total.add(Size(nodes: 1, bytes: 0))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard let frame = stack.popLast() else { return nil }
                    _ = place(frame.size)
                    if let name = frame.anchor { anchors[name] = (frame.size, true) }
                case YAML_ALIAS_EVENT:
                    guard let name = anchorName(event.data.alias.anchor), let anchored = anchors[name] else {
                        return nil  // an undefined alias: the composer says so
                    }
                    uses += 1
                    if uses > maxAliasUses {
                        return problem(event, .uses, name)
                    }
                    total.add(anchored.size)
                    if place(anchored.size) && anchored.isCollection {
                        return problem(event, .collectionAsKey, name)
                    }
                    if total.nodes > maxNodes {
                        return problem(event, .values, name)
                    }
                    if total.bytes > maxBytes {
                        return problem(event, .text, name)
                    }
                default:
                    break
                }
            }
        }
    }
}

/// Which bound of ``AliasBudget`` a programme's aliases passed.
public enum AliasBound: Sendable, Equatable, CaseIterable {
    /// More uses of aliases than allowed.
    case uses
    /// An alias of a list or mapping used as a mapping key.
    case collectionAsKey
    /// More values once the aliases are expanded than allowed.
    case values
    /// More text once the aliases are expanded than allowed.
    case text
}

/// The bounds of ``AliasBudget`` in force for a programme (made by the check itself): alias
/// uses, values and KiB of text once expanded.
public struct AliasLimits: Sendable, Equatable {
    /// Most uses of aliases.
    public var uses: Int
    /// Most values once expanded.
    public var values: Int
    /// Most KiB of scalar text once expanded.
    public var kibibytes: Int
}
