namespace Tandem.Server.Tables;

/// <summary>The <c>includeObject</c> table option: what each row's <c>object</c> carries.</summary>
public enum IncludeObject
{
    /// <summary>No object.</summary>
    None,

    /// <summary>A PartialObjectMetadata; the default, and what kubectl needs for <c>-A</c> and <c>--show-labels</c>.</summary>
    Metadata,

    /// <summary>The full object.</summary>
    Object,
}
