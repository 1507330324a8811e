namespace Tandem.Model.Lint;

/// <summary>How much a finding matters. Ordered so that a higher value is more severe.</summary>
public enum LintSeverity
{
    /// <summary>Worth knowing; nothing is wrong (a field Tandem ignores, a hint).</summary>
    Info = 0,

    /// <summary>Likely to hurt in production; the pod still runs.</summary>
    Warning = 1,

    /// <summary>The pod will not behave as written (hang, crash, never complete).</summary>
    Error = 2,
}
