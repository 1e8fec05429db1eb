import CNcursesw
import PalabreUI

/// Translation of what `wget_wch` returns into `Key`.
public enum KeyDecoding {
    /// The key for an ncurses key code (`wget_wch` returned `KEY_CODE_YES`); nil for codes
    /// palabre does not use.
    public static func key(forKeyCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME, KEY_A1: return .home
        case KEY_END, KEY_C1: return .end
        case KEY_PPAGE, KEY_A3: return .pageUp
        case KEY_NPAGE, KEY_C3: return .pageDown
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        case KEY_F0 + 1...KEY_F0 + 63: return .function(Int(code - KEY_F0))
        default: return nil
        }
    }

    /// The key for a character `wget_wch` returned: control codes become Enter, Tab, Esc,
    /// Backspace or `.ctrl`; printable characters `.char`; C1 controls and invalid scalars
    /// nil.
    public static func key(forCharacter code: UInt32) -> Key? {
        if let control = Key.fromControlCode(code) { return control }
        guard code >= 0xA0 || (code >= 0x20 && code < 0x7F), let scalar = Unicode.Scalar(code) else {
            return nil
        }
        return .char(Character(scalar))
    }
}
