using Tandem.Sidecars.LogShipper.Configuration;
using Tandem.Sidecars.LogShipper.Processing;

namespace Tandem.Sidecars.LogShipper.Outputs;

/// <summary>Builds the configured outputs.</summary>
public static class OutputFactory
{
    public static IReadOnlyList<ILogOutput> Create(IReadOnlyList<OutputConfig> outputs, PodInfo pod)
    {
        var json = new EventJson(pod);
        return [.. outputs.Select((o, i) => Create($"outputs[{i}] ({o.Type.ToString().ToLowerInvariant()})", o, pod, json))];
    }

    private static ILogOutput Create(string name, OutputConfig config, PodInfo pod, EventJson json) => config.Type switch
    {
        OutputType.Stdout => new StdoutOutput(name, json),
        OutputType.File => new FileOutput(name, config, json),
        OutputType.Http => new HttpNdjsonOutput(name, config, json),
        OutputType.Loki => new LokiOutput(name, config, pod),
        OutputType.Elasticsearch => new ElasticsearchOutput(name, config, json),
        OutputType.Otlp => new OtlpOutput(name, config, pod),
        OutputType.Syslog => new SyslogOutput(name, config, pod),
        _ => throw new ArgumentOutOfRangeException(nameof(config), config.Type, "unknown output type"),
    };
}
