using System.Collections.Concurrent;
using Tandem.Runtime.Runc.Processes;

namespace Tandem.Runtime.Tests.Fixtures;

/// <summary>Runs every command for real and remembers its command line, so a test can see which host processes an operation needed.</summary>
public sealed class RecordingProcessRunner : IProcessRunner
{
    private readonly ConcurrentQueue<ProcessSpec> _started = new();

    public IReadOnlyList<ProcessSpec> Started => [.. _started];

    public void Clear() => _started.Clear();

    public Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken cancellationToken)
    {
        _started.Enqueue(spec);
        return ProcessRunner.Instance.RunAsync(spec, cancellationToken);
    }

    public IStartedProcess Start(ProcessSpec spec)
    {
        _started.Enqueue(spec);
        return ProcessRunner.Instance.Start(spec);
    }
}
