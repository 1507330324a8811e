using System.Threading.Channels;

namespace Tandem.Runtime;

/// <summary>
/// The client's side of an exec or attach. A null stream was not requested. Reading
/// <see cref="Stdin"/> to its end closes the process's stdin. With <see cref="Tty"/> the process
/// gets a terminal whose output goes to <see cref="Stdout"/> (there is no separate stderr) and
/// whose size follows <see cref="Resize"/>.
/// </summary>
public sealed record StreamingIo
{
    public Stream? Stdin { get; init; }

    public Stream? Stdout { get; init; }

    public Stream? Stderr { get; init; }

    public bool Tty { get; init; }

    public ChannelReader<TerminalSize>? Resize { get; init; }
}
