using System.Collections.Concurrent;
using System.Diagnostics;
using Tandem.Runtime.Runc.Processes;

namespace Tandem.Bench.Node;

/// <summary>
/// The runtime's process runner with a stopwatch around every host tool it runs (runc, ip, ...), from start to exit,
/// so a run's time splits into time spent waiting for those processes and the node's own work.
/// </summary>
public sealed class TimedProcessRunner : IProcessRunner
{
    private readonly ConcurrentQueue<Span> _spans = new();

    public sealed record Span(string Command, long StartTimestamp, long EndTimestamp)
    {
        public double Milliseconds => Stopwatch.GetElapsedTime(StartTimestamp, EndTimestamp).TotalMilliseconds;
    }

    public IReadOnlyList<Span> Between(long start, long end) => [.. _spans.Where(s => s.StartTimestamp >= start && s.EndTimestamp <= end)];

    public void Clear() => _spans.Clear();

    public async Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return await ProcessRunner.Instance.RunAsync(spec, cancellationToken);
        }
        finally
        {
            _spans.Enqueue(new Span(Verb(spec), start, Stopwatch.GetTimestamp()));
        }
    }

    public IStartedProcess Start(ProcessSpec spec) => new Timed(ProcessRunner.Instance.Start(spec), this, Verb(spec), Stopwatch.GetTimestamp());

    /// <summary>The tool and its sub-command (<c>runc run</c>, <c>runc delete</c>), without paths and ids.</summary>
    private static string Verb(ProcessSpec spec)
    {
        var tool = Path.GetFileName(spec.FileName);
        var verb = spec.Arguments.FirstOrDefault(a => a is "run" or "create" or "start" or "delete" or "kill" or "state" or "exec" or "netns" or "link" or "copy" or "raw" or "--version");
        return verb is null ? tool : $"{tool} {verb}";
    }

    private sealed class Timed(IStartedProcess inner, TimedProcessRunner owner, string command, long start) : IStartedProcess
    {
        public int Pid => inner.Pid;

        public Stream StandardInput => inner.StandardInput;

        public Stream StandardOutput => inner.StandardOutput;

        public Stream StandardError => inner.StandardError;

        public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
        {
            var code = await inner.WaitForExitAsync(cancellationToken);
            owner._spans.Enqueue(new Span(command, start, Stopwatch.GetTimestamp()));
            return code;
        }

        public void Kill() => inner.Kill();

        public void Dispose() => inner.Dispose();
    }
}
