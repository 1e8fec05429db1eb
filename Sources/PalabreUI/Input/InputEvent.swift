/// What the terminal delivered, decoded: a key, a whole bracketed paste, or a resize; and
/// `pasteStalled` when a paste has gone silent without its end (a lone Esc then ends it).
public enum InputEvent: Sendable, Equatable { case key(Key), paste(String), resize, pasteStalled }
