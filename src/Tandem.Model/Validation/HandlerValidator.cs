using Tandem.Model.CoreV1;
using Tandem.Model.Primitives;

namespace Tandem.Model.Validation;

/// <summary>
/// Probe and lifecycle handlers (validation.go <c>validateHandler</c>, <c>validateLifecycle</c>):
/// exactly one of exec, httpGet, tcpSocket, grpc (probes) or sleep (hooks).
/// </summary>
internal static class HandlerValidator
{
    private static readonly string[] Schemes = ["HTTP", "HTTPS"];

    /// <summary><c>validateLifecycle</c>: postStart and preStop.</summary>
    public static IEnumerable<FieldError> Lifecycle(Lifecycle lifecycle, long? gracePeriod, FieldPath path, ValidationOptions options)
    {
        var errors = new List<FieldError>();
        if (lifecycle.PostStart is { } postStart)
        {
            errors.AddRange(Handler(postStart.Exec, postStart.HttpGet, postStart.TcpSocket, null, postStart.Sleep, gracePeriod, path.Child("postStart"), options));
        }
        if (lifecycle.PreStop is { } preStop)
        {
            errors.AddRange(Handler(preStop.Exec, preStop.HttpGet, preStop.TcpSocket, null, preStop.Sleep, gracePeriod, path.Child("preStop"), options));
        }
        return errors;
    }

    /// <summary><c>validateHandler</c>: the first handler counts, every further one is Forbidden.</summary>
    public static IEnumerable<FieldError> Handler(
        ExecAction? exec, HttpGetAction? httpGet, TcpSocketAction? tcpSocket, GrpcAction? grpc, SleepAction? sleep,
        long? gracePeriod, FieldPath path, ValidationOptions options)
    {
        var handlers = new (string Field, object? Value, Func<FieldPath, IEnumerable<FieldError>> Check)[]
        {
            ("exec", exec, p => Exec(exec!, p)),
            ("httpGet", httpGet, p => HttpGet(httpGet!, p, options)),
            ("tcpSocket", tcpSocket, p => PortValidator.NumberOrName(tcpSocket!.Port, p.Child("port"))),
            ("grpc", grpc, p => PortValidator.NumberOrName(IntOrString.FromInt(grpc!.Port ?? 0), p.Child("port"))),
            ("sleep", sleep, p => Sleep(sleep!, gracePeriod, p, options)),
        };
        var errors = new List<FieldError>();
        var count = 0;
        foreach (var (field, value, check) in handlers)
        {
            if (value is null)
            {
                continue;
            }
            if (count > 0)
            {
                errors.Add(FieldError.Forbidden(path.Child(field), "may not specify more than 1 handler type"));
                continue;
            }
            count++;
            errors.AddRange(check(path.Child(field)));
        }
        if (count == 0)
        {
            errors.Add(FieldError.Required(path, "must specify a handler type"));
        }
        return errors;
    }

    private static IEnumerable<FieldError> Exec(ExecAction exec, FieldPath path)
    {
        if (exec.Command is null || exec.Command.Count == 0)
        {
            yield return FieldError.Required(path.Child("command"));
        }
    }

    /// <summary><c>validateHTTPGetAction</c>: path (defaulted to "/"), port, scheme (defaulted to HTTP), header names.</summary>
    private static IEnumerable<FieldError> HttpGet(HttpGetAction httpGet, FieldPath path, ValidationOptions options)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrEmpty(httpGet.Path) && options.DefaultsApplied)
        {
            errors.Add(FieldError.Required(path.Child("path")));
        }
        errors.AddRange(PortValidator.NumberOrName(httpGet.Port, path.Child("port")));
        if ((httpGet.Scheme is not null || options.DefaultsApplied) && !Schemes.Contains(httpGet.Scheme ?? ""))
        {
            errors.Add(FieldError.NotSupported(path.Child("scheme"), httpGet.Scheme ?? "", Schemes));
        }
        foreach (var header in httpGet.HttpHeaders ?? [])
        {
            var name = header?.Name ?? "";
            errors.AddRange(NameRules.HttpHeaderName(name).Select(message => FieldError.Invalid(path.Child("httpHeaders"), name, message)));
        }
        return errors;
    }

    /// <summary><c>validateSleepAction</c>: within the pod's grace period; zero allowed since PodLifecycleSleepActionAllowZero.</summary>
    private static IEnumerable<FieldError> Sleep(SleepAction sleep, long? gracePeriod, FieldPath path, ValidationOptions options)
    {
        // Undefaulted pods get the default grace period; the API server skips the check when it is missing.
        var bound = gracePeriod ?? (options.DefaultsApplied ? null : 30L);
        if (bound is not { } grace)
        {
            yield break;
        }
        var seconds = sleep.Seconds ?? 0;
        if (options.AllowZeroSleep && (seconds < 0 || seconds > grace))
        {
            yield return FieldError.Invalid(path, seconds, $"must be non-negative and less than terminationGracePeriodSeconds ({grace})");
        }
        else if (!options.AllowZeroSleep && (seconds <= 0 || seconds > grace))
        {
            yield return FieldError.Invalid(path, seconds,
                $"must be greater than 0 and less than terminationGracePeriodSeconds ({grace}). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.");
        }
    }
}
