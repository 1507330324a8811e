namespace Tandem.Runtime;

/// <summary>A terminal's size in character cells, as kubectl sends it on the resize channel.</summary>
public readonly record struct TerminalSize(ushort Width, ushort Height);
