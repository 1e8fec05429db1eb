/// What the terminal delivered, decoded: a key, a whole bracketed paste, or a resize.
public enum InputEvent: Sendable, Equatable { case key(Key), paste(String), resize }
