/// Pure screens, widgets and themes of palabre; no terminal calls.
public enum PalabreUI {}
