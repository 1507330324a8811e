using Tandem.Model.CoreV1;

namespace Tandem.Model.Validation;

/// <summary>Probes (validation.go <c>validateProbe</c> and its liveness, readiness and startup variants; rule R4).</summary>
internal static class ProbeValidator
{
    private const string NegativeMessage = "must be greater than or equal to 0";

    /// <summary>R4: a liveness probe's successThreshold must be 1.</summary>
    public static IEnumerable<FieldError> Liveness(Probe? probe, FieldPath path, ValidationOptions options) =>
        probe is null ? [] : Common(probe, path, options).Concat(SuccessThresholdIsOne(probe, path));

    /// <summary>R4: a readiness probe may not set terminationGracePeriodSeconds (readiness never kills).</summary>
    public static IEnumerable<FieldError> Readiness(Probe? probe, FieldPath path, ValidationOptions options)
    {
        if (probe is null)
        {
            return [];
        }
        var errors = Common(probe, path, options).ToList();
        if (probe.TerminationGracePeriodSeconds is { } grace)
        {
            errors.Add(FieldError.Invalid(path.Child("terminationGracePeriodSeconds"), grace, "must not be set for readinessProbes"));
        }
        return errors;
    }

    /// <summary>R4: a startup probe's successThreshold must be 1.</summary>
    public static IEnumerable<FieldError> Startup(Probe? probe, FieldPath path, ValidationOptions options) =>
        probe is null ? [] : Common(probe, path, options).Concat(SuccessThresholdIsOne(probe, path));

    /// <summary>
    /// <c>validateProbe</c>: one handler, no negative numbers, a probe-level grace period above 0.
    /// Unset numbers are the defaults (R5) and are not checked.
    /// </summary>
    private static IEnumerable<FieldError> Common(Probe probe, FieldPath path, ValidationOptions options)
    {
        // The pod grace period only bounds sleep hooks, which probes cannot have.
        var errors = HandlerValidator.Handler(probe.Exec, probe.HttpGet, probe.TcpSocket, probe.Grpc, null, null, path, options).ToList();
        foreach (var (field, value) in new (string, int?)[]
        {
            ("initialDelaySeconds", probe.InitialDelaySeconds), ("timeoutSeconds", probe.TimeoutSeconds),
            ("periodSeconds", probe.PeriodSeconds), ("successThreshold", probe.SuccessThreshold),
            ("failureThreshold", probe.FailureThreshold),
        })
        {
            if (value is < 0)
            {
                errors.Add(FieldError.Invalid(path.Child(field), (long)value.Value, NegativeMessage));
            }
        }
        if (probe.TerminationGracePeriodSeconds is <= 0)
        {
            errors.Add(FieldError.Invalid(path.Child("terminationGracePeriodSeconds"), probe.TerminationGracePeriodSeconds.Value, "must be greater than 0"));
        }
        return errors;
    }

    private static IEnumerable<FieldError> SuccessThresholdIsOne(Probe probe, FieldPath path)
    {
        if (probe.SuccessThreshold is { } threshold && threshold != 1)
        {
            yield return FieldError.Invalid(path.Child("successThreshold"), threshold, "must be 1");
        }
    }
}
