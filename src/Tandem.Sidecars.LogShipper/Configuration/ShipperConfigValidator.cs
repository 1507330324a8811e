using System.Text.RegularExpressions;

namespace Tandem.Sidecars.LogShipper.Configuration;

/// <summary>Checks a configuration and returns every problem at once, each naming its field path.</summary>
public static class ShipperConfigValidator
{
    public static IReadOnlyList<string> Validate(ShipperConfig config)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(config.DataDir))
        {
            errors.Add("dataDir: required: a directory that survives restarts of the shipper, for checkpoints");
        }
        else if (!Path.IsPathRooted(config.DataDir))
        {
            errors.Add($"dataDir: must be an absolute path, got '{config.DataDir}'");
        }
        if (config.Inputs.Count == 0)
        {
            errors.Add("inputs: at least one input is required");
        }
        if (config.Inputs.Count(i => i.Type == InputType.Stdin) > 1)
        {
            errors.Add("inputs: stdin can be read by one input only");
        }
        for (var i = 0; i < config.Inputs.Count; i++)
        {
            ValidateInput(config.Inputs[i], $"inputs[{i}]", errors);
        }
        for (var i = 0; i < config.Filters.Count; i++)
        {
            var filter = config.Filters[i];
            RequireRegex(filter.Match, $"filters[{i}].match", errors);
            if (string.IsNullOrWhiteSpace(filter.Field))
            {
                errors.Add($"filters[{i}].field: required");
            }
        }
        if (config.Outputs.Count == 0)
        {
            errors.Add("outputs: at least one output is required");
        }
        for (var i = 0; i < config.Outputs.Count; i++)
        {
            ValidateOutput(config.Outputs[i], $"outputs[{i}]", errors);
        }
        Positive(config.Batch.MaxEvents, "batch.maxEvents", errors);
        Positive(config.Batch.MaxBytes.Bytes, "batch.maxBytes", errors);
        Positive(config.Batch.MaxWait, "batch.maxWait", errors);
        if (config.Batch.MaxInFlight is < 1 or > 64)
        {
            errors.Add($"batch.maxInFlight: must be between 1 and 64, got {config.Batch.MaxInFlight}");
        }
        Positive(config.Retry.InitialBackoff, "retry.initialBackoff", errors);
        if (config.Retry.MaxBackoff < config.Retry.InitialBackoff)
        {
            errors.Add("retry.maxBackoff: must not be less than retry.initialBackoff");
        }
        if (config.Buffer.MaxBytes.Bytes < config.Batch.MaxBytes.Bytes)
        {
            errors.Add($"buffer.maxBytes: must be at least batch.maxBytes ({config.Batch.MaxBytes.Bytes}), or no batch could fill");
        }
        if (config.Buffer.Type == BufferType.Disk && config.Buffer.MaxDiskBytes.Bytes < 4 * config.Batch.MaxBytes.Bytes)
        {
            errors.Add($"buffer.maxDiskBytes: must be at least four batches (4 x batch.maxBytes = {4 * config.Batch.MaxBytes.Bytes})");
        }
        if (config.Admin.Enabled && !System.Net.IPAddress.TryParse(config.Admin.Address, out _))
        {
            errors.Add($"admin.address: '{config.Admin.Address}' is not an IP address");
        }
        if (config.Admin.Port is < 0 or > 65535)
        {
            errors.Add($"admin.port: {config.Admin.Port} is not a TCP port");
        }
        Positive(config.ShutdownTimeout, "shutdownTimeout", errors);
        return errors;
    }

    private static void ValidateInput(InputConfig input, string path, List<string> errors)
    {
        if (input.Type == InputType.File)
        {
            if (input.Include.Count == 0)
            {
                errors.Add($"{path}.include: at least one glob is required for a file input");
            }
            for (var j = 0; j < input.Include.Count; j++)
            {
                if (!Path.IsPathRooted(input.Include[j]))
                {
                    errors.Add($"{path}.include[{j}]: must be an absolute path, got '{input.Include[j]}'");
                }
            }
            if (input.FingerprintBytes is < 16 or > 4096)
            {
                errors.Add($"{path}.fingerprintBytes: must be between 16 and 4096, got {input.FingerprintBytes}");
            }
            Positive(input.PollInterval, $"{path}.pollInterval", errors);
            Positive(input.ScanInterval, $"{path}.scanInterval", errors);
        }
        else if (input.Include.Count > 0)
        {
            errors.Add($"{path}.include: only file inputs take globs");
        }
        if (input.MaxLineBytes.Bytes < 64)
        {
            errors.Add($"{path}.maxLineBytes: must be at least 64 bytes");
        }
        if (input.Multiline is { } multiline)
        {
            RequireRegex(multiline.StartPattern, $"{path}.multiline.startPattern", errors);
            Positive(multiline.Timeout, $"{path}.multiline.timeout", errors);
            if (multiline.MaxBytes.Bytes < 64)
            {
                errors.Add($"{path}.multiline.maxBytes: must be at least 64 bytes");
            }
        }
        if (input.Parse is { } parse)
        {
            if (parse.Type == ParseType.Regex)
            {
                if (RequireRegex(parse.Pattern, $"{path}.parse.pattern", errors) is { } regex && regex.GetGroupNames().All(n => int.TryParse(n, out _)))
                {
                    errors.Add($"{path}.parse.pattern: has no named groups; write (?<name>...) for each field");
                }
            }
            else if (parse.Pattern is not null)
            {
                errors.Add($"{path}.parse.pattern: only used with type: regex");
            }
            if (!Processing.TimestampParser.IsKnownFormat(parse.TimestampFormat))
            {
                errors.Add($"{path}.parse.timestampFormat: '{parse.TimestampFormat}' is not rfc3339, unix, unixMs or a .NET custom format");
            }
        }
    }

    private static void ValidateOutput(OutputConfig output, string path, List<string> errors)
    {
        switch (output.Type)
        {
            case OutputType.Http or OutputType.Loki or OutputType.Elasticsearch or OutputType.Otlp:
                if (!Uri.TryCreate(output.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                {
                    errors.Add($"{path}.url: required for type {output.Type.ToString().ToLowerInvariant()}: an absolute http(s) URL, got '{output.Url}'");
                }
                break;
            case OutputType.File:
                if (string.IsNullOrWhiteSpace(output.Path) || !System.IO.Path.IsPathRooted(output.Path))
                {
                    errors.Add($"{path}.path: required for type file: an absolute path, got '{output.Path}'");
                }
                break;
            case OutputType.Syslog:
                if (!Outputs.HostPort.TryParse(output.Address, out _, out _))
                {
                    errors.Add($"{path}.address: required for type syslog: host:port, got '{output.Address}'");
                }
                break;
        }
        if (output.Type is not (OutputType.Http or OutputType.Loki or OutputType.Elasticsearch or OutputType.Otlp) && output.Compression != Compression.None)
        {
            errors.Add($"{path}.compression: only HTTP outputs compress");
        }
        Positive(output.Timeout, $"{path}.timeout", errors);
        if (output.Type == OutputType.Elasticsearch && string.IsNullOrWhiteSpace(output.Index))
        {
            errors.Add($"{path}.index: required for type elasticsearch");
        }
    }

    private static Regex? RequireRegex(string? pattern, string path, List<string> errors)
    {
        if (string.IsNullOrEmpty(pattern))
        {
            errors.Add($"{path}: required: a regular expression");
            return null;
        }
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant);
        }
        catch (ArgumentException ex)
        {
            errors.Add($"{path}: not a valid regular expression: {ex.Message}");
            return null;
        }
    }

    private static void Positive(long value, string path, List<string> errors)
    {
        if (value <= 0)
        {
            errors.Add($"{path}: must be greater than zero");
        }
    }

    private static void Positive(TimeSpan value, string path, List<string> errors)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{path}: must be greater than zero");
        }
    }
}
