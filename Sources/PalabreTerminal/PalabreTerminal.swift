import CNcursesw
import PalabreUI
/// The only code that talks to ncurses.
public enum PalabreTerminal {}
