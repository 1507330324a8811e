namespace Tandem.Model.Validation;

/// <summary>Rules for paths inside volumes and containers (validation.go <c>validateLocalDescendingPath</c> and friends).</summary>
public static class PathRules
{
    /// <summary><c>validatePathNoBacksteps</c>: no <c>..</c> element; one error however many there are.</summary>
    public static IReadOnlyList<FieldError> NoBacksteps(string target, FieldPath path) =>
        target.Replace('\\', '/').Split('/').Contains("..")
            ? [FieldError.Invalid(path, target, "must not contain '..'")]
            : [];

    /// <summary><c>validateLocalDescendingPath</c>: relative, and no <c>..</c> element.</summary>
    public static IReadOnlyList<FieldError> LocalDescending(string target, FieldPath path)
    {
        var errors = new List<FieldError>();
        if (target.StartsWith('/'))
        {
            errors.Add(FieldError.Invalid(path, target, "must be a relative path"));
        }
        errors.AddRange(NoBacksteps(target, path));
        return errors;
    }

    /// <summary><c>ValidateLocalNonReservedPath</c>: also may not start with <c>..</c> (the kubelet's own <c>..data</c> files).</summary>
    public static IReadOnlyList<FieldError> LocalNonReserved(string target, FieldPath path)
    {
        var errors = new List<FieldError>(LocalDescending(target, path));
        if (target.StartsWith("..", StringComparison.Ordinal) && !target.StartsWith("../", StringComparison.Ordinal))
        {
            errors.Add(FieldError.Invalid(path, target, "must not start with '..'"));
        }
        return errors;
    }
}
