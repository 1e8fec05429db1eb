/// What the terminal delivered, decoded: a key, a whole bracketed paste, or a resize;
/// `pasteStalled` when a paste has gone silent without its end (a lone Esc then ends it), and
/// `pasteTooLong` for a paste longer than ``KeyDecoder/pasteLimitBytes``, of which nothing is
/// kept (never half a text, nor half a character).
public enum InputEvent: Sendable, Equatable { case key(Key), paste(String), resize, pasteStalled, pasteTooLong }
