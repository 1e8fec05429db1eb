import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// An open file a document is written into through a buffer of 256 KiB: the first failure to
/// write is kept (``failure``) and what follows it is dropped, so a renderer writes without
/// stopping at each line and its caller throws the failure once the document is done.
final class DocumentFile {
    /// The file descriptor, open for writing (and reading, for a scratch file); not closed here.
    let fd: Int32
    /// The path said in a failure's message.
    let path: String
    /// The first failure to write (`write`, or `read` while copying another file), if any.
    private(set) var failure: DocumentError?
    private var buffer: [UInt8] = []
    private static let bufferBytes = 1 << 18

    /// A writer of the open file `fd`, named `path` in messages.
    init(fd: Int32, path: String) {
        self.fd = fd
        self.path = path
        buffer.reserveCapacity(Self.bufferBytes)
    }

    /// Bytes written so far, those still in the buffer included.
    private(set) var bytesWritten = 0

    /// Adds the UTF-8 bytes of `text`.
    func write<S: StringProtocol>(_ text: S) {
        guard failure == nil else { return }
        if text.utf8.withContiguousStorageIfAvailable({ append($0) }) == nil {
            var copy = String(text)
            copy.withUTF8 { append($0) }
        }
    }

    /// Adds `bytes`.
    func write(raw bytes: UnsafeRawBufferPointer) {
        guard failure == nil else { return }
        append(bytes.bindMemory(to: UInt8.self))
    }

    private func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        bytesWritten += bytes.count
        if buffer.count + bytes.count > Self.bufferBytes { flush() }
        if bytes.count >= Self.bufferBytes {
            writeOut(UnsafeRawBufferPointer(bytes))
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Writes out what the buffer holds.
    func flush() {
        guard failure == nil, !buffer.isEmpty else { buffer.removeAll(keepingCapacity: true); return }
        buffer.withUnsafeBytes { writeOut($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeOut(_ raw: UnsafeRawBufferPointer) {
        guard failure == nil, var p = raw.baseAddress else { return }
        var left = raw.count
        while left > 0 {
            let n = systemWrite(fd, p, left)
            if n < 0 {
                if errno == EINTR { continue }
                failure = DocumentError(path: path, operation: "write", errno: errno)
                return
            }
            if n == 0 { failure = DocumentError(path: path, operation: "write", errno: EIO); return }
            p += n
            left -= n
        }
    }

    /// Adds `range` of the bytes written into `other` (flushed first, read with `pread`), a
    /// megabyte at a time; `other`'s failure, if any, becomes this file's.
    func append(contentsOf other: DocumentFile, bytes range: Range<Int>) {
        other.flush()
        if failure == nil, let f = other.failure { failure = f }
        guard failure == nil else { return }
        flush()
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { chunk.deallocate() }
        var at = range.lowerBound
        while failure == nil, at < range.upperBound {
            let n = pread(other.fd, chunk.baseAddress, min(chunk.count, range.upperBound - at), off_t(at))
            if n < 0 {
                if errno == EINTR { continue }
                failure = DocumentError(path: other.path, operation: "read", errno: errno)
                return
            }
            if n == 0 {
                failure = DocumentError(path: other.path, operation: "read", errno: EIO)
                return
            }
            writeOut(UnsafeRawBufferPointer(rebasing: chunk[0..<n]))
            bytesWritten += n
            at += n
        }
    }
}

/// The system `write`, named apart from the writers' own `write`.
@inline(__always)
private func systemWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int {
    #if canImport(Glibc)
        return Glibc.write(fd, p, n)
    #else
        return Darwin.write(fd, p, n)
    #endif
}
