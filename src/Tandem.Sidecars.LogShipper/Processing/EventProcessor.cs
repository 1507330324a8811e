using System.Text.Json;
using System.Text.RegularExpressions;
using Tandem.Sidecars.LogShipper.Checkpoints;
using Tandem.Sidecars.LogShipper.Configuration;
using Tandem.Sidecars.LogShipper.Events;
using Tandem.Sidecars.LogShipper.Inputs;

namespace Tandem.Sidecars.LogShipper.Processing;

/// <summary>Turns an assembled line into an event: parse (JSON or regex), event time, static fields, filters.</summary>
public sealed class EventProcessor
{
    private readonly ParseConfig? _parse;
    private readonly Regex? _regex;
    private readonly string[] _groupNames = [];
    private readonly TimestampParser? _timestamp;
    private readonly EventField[] _staticFields;
    private readonly EventFilter[] _filters;

    public EventProcessor(InputConfig input, IReadOnlyList<FilterConfig> filters)
    {
        _parse = input.Parse is { Type: not ParseType.None } parse ? parse : null;
        if (_parse is { Type: ParseType.Regex, Pattern: { } pattern })
        {
            _regex = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled);
            _groupNames = [.. _regex.GetGroupNames().Where(n => !int.TryParse(n, out _))];
        }
        if (_parse?.TimestampField is not null)
        {
            _timestamp = new TimestampParser(_parse.TimestampFormat);
        }
        _staticFields = [.. input.Fields.Select(kv => EventField.FromText(kv.Key, kv.Value))];
        _filters = [.. filters.Select(f => new EventFilter(f))];
    }

    /// <summary>Processes a line read at <paramref name="now"/> (one clock read per block of lines, not per line).</summary>
    public LogEvent Process(RawLine line, string source, TrackedStream? origin, DateTimeOffset now)
    {
        var e = new LogEvent
        {
            Message = line.Bytes,
            Timestamp = line.Time ?? now,
            ObservedAt = now,
            Source = source,
            Stream = line.Stream,
            Truncated = line.Truncated,
            Origin = origin,
            EndOffset = line.EndOffset,
            BudgetBytes = line.Bytes.Length + LogEvent.Overhead,
        };
        if (_parse is not null)
        {
            e.Fields = _parse.Type == ParseType.Json ? ParseJson(line.Bytes) : ParseRegex(line.Bytes);
            if (_timestamp is not null && e.Fields?.FirstOrDefault(f => f.Name == _parse.TimestampField) is { Name: not null } field
                && _timestamp.TryParse(field.AsText(), out var time))
            {
                e.Timestamp = time;
            }
        }
        if (_staticFields.Length > 0)
        {
            (e.Fields ??= []).AddRange(_staticFields);
        }
        foreach (var filter in _filters)
        {
            if (!filter.Passes(e))
            {
                e.Filtered = true;
                break;
            }
        }
        return e;
    }

    private static List<EventField>? ParseJson(byte[] line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            // Clone once so the fields outlive the pooled document.
            var root = document.RootElement.Clone();
            return [.. root.EnumerateObject().Select(p => new EventField(p.Name, null, p.Value))];
        }
        catch (JsonException)
        {
            // Not JSON: ship the line as it is; a parse failure must never lose it.
            return null;
        }
    }

    private List<EventField>? ParseRegex(byte[] line)
    {
        var match = _regex!.Match(System.Text.Encoding.UTF8.GetString(line));
        if (!match.Success)
        {
            return null;
        }
        var fields = new List<EventField>(_groupNames.Length);
        foreach (var name in _groupNames)
        {
            var group = match.Groups[name];
            if (group.Success)
            {
                fields.Add(EventField.FromText(name, group.Value));
            }
        }
        return fields;
    }
}
