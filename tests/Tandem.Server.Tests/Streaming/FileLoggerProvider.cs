using Microsoft.Extensions.Logging;

namespace Tandem.Server.Tests.Streaming;

/// <summary>Appends every log line to a file (set TANDEM_TEST_LOG=path) for debugging a test host.</summary>
internal sealed class FileLoggerProvider(string path) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new FileLogger(path, categoryName);

    public void Dispose()
    {
    }

    private sealed class FileLogger(string path, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (typeof(FileLogger))
            {
                File.AppendAllText(path, $"{logLevel} {category}: {formatter(state, exception)} {exception}\n");
            }
        }
    }
}
