using System.Net;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Tandem.Sidecars.Proxy.Configuration;

namespace Tandem.Sidecars.Proxy.Resilience;

/// <summary>Builds a route's Polly pipeline (retry around circuit breaker) from its config.</summary>
internal static class ResiliencePipelines
{
    /// <summary>Set by the forwarder: true when the request may be sent again (idempotent, no body).</summary>
    public static readonly ResiliencePropertyKey<bool> Replayable = new("tandem.replayable");

    public static ResiliencePipeline<HttpResponseMessage>? Create(RouteConfig route, RetryBudget? budget, TimeProvider time)
    {
        if (route.Retry is null && route.CircuitBreaker is null)
        {
            return null;
        }
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (route.Retry is { } retry)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = retry.Attempts,
                Delay = retry.Backoff,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(
                    IsUpstreamFailure(args.Outcome)
                    && args.Context.Properties.GetValue(Replayable, false)
                    && !args.Context.CancellationToken.IsCancellationRequested
                    && (budget?.TryWithdraw() ?? true)),
                OnRetry = args =>
                {
                    // The failed response is discarded; only the last attempt's reaches the client.
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            });
        }
        if (route.CircuitBreaker is { } breaker)
        {
            builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = breaker.FailureRatio,
                MinimumThroughput = breaker.MinimumThroughput,
                SamplingDuration = breaker.SamplingDuration,
                BreakDuration = breaker.BreakDuration,
                ShouldHandle = args => ValueTask.FromResult(IsUpstreamFailure(args.Outcome)),
            });
        }
        return builder.Build();
    }

    /// <summary>
    /// Connection failures and the gateway statuses. A cancelled request is the client's doing
    /// (or the route timeout's) and counts against nobody.
    /// </summary>
    public static bool IsUpstreamFailure(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException } => true,
        { Result.StatusCode: HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout } => true,
        _ => false,
    };

    public static bool IsBrokenCircuit(Exception exception) => exception is BrokenCircuitException;
}
