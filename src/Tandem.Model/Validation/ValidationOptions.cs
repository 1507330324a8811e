namespace Tandem.Model.Validation;

/// <summary>
/// Switches that the API server derives from feature gates (<c>PodValidationOptions</c> in
/// validation.go), plus whether the object has been through defaulting.
/// </summary>
public sealed record ValidationOptions
{
    /// <summary>The options of a Kubernetes 1.33 API server validating a defaulted object.</summary>
    public static readonly ValidationOptions Default = new();

    /// <summary>
    /// The object has been defaulted, as it always has in the API server. When false, fields that
    /// defaulting fills (<c>restartPolicy</c>, <c>dnsPolicy</c>, <c>terminationGracePeriodSeconds</c>,
    /// <c>imagePullPolicy</c>, <c>terminationMessagePolicy</c>, port <c>protocol</c>, <c>httpGet.path</c>
    /// and <c>scheme</c>, a volume without a source, field selector <c>apiVersion</c>) are not reported
    /// as Required: they would have been filled.
    /// </summary>
    public bool DefaultsApplied { get; init; } = true;

    /// <summary>RelaxedEnvironmentVariableValidation (beta, on by default since 1.32): any printable ASCII but '='.</summary>
    public bool RelaxedEnvironmentVariableNames { get; init; } = true;

    /// <summary>PodLifecycleSleepActionAllowZero (beta, on by default since 1.33): <c>sleep.seconds: 0</c> is allowed.</summary>
    public bool AllowZeroSleep { get; init; } = true;
}
