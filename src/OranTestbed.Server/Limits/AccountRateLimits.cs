using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using OranTestbed.Server.Api;
using OranTestbed.Server.Auth;

namespace OranTestbed.Server.Limits;

/// <summary>
/// Per-account rate limits (ASP.NET Core's rate limiter, one fixed window per account and kind): uploads
/// (<c>POST /api/v1/results</c>, <see cref="ServerOptions.UploadRateLimit"/>) and reads (every other GET or HEAD of an
/// authenticated account, API and dashboard alike, <see cref="ServerOptions.ReadRateLimit"/>). The limiter runs after
/// authorization, so it partitions by the account the token proved, and one account's burst never slows another.
/// Beyond the limit: 429 with <c>Retry-After</c> (seconds) and a problem+json like every other refusal; nothing queues.
/// </summary>
internal static class AccountRateLimits
{
    public static IServiceCollection AddAccountRateLimits(this IServiceCollection services, ServerOptions options) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, (string Kind, string Account)>(context =>
            {
                var (kind, limit) = KindOf(context, options);
                return limit is null || context.User.Identity?.IsAuthenticated != true
                    ? RateLimitPartition.GetNoLimiter((kind, ""))
                    : RateLimitPartition.GetFixedWindowLimiter((kind, Caller.Of(context.User).Name), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limit.Permits, Window = limit.Window, QueueLimit = 0, AutoReplenishment = true,
                    });
            });
            limiter.OnRejected = RejectAsync;
        });

    private static (string Kind, RateLimit? Limit) KindOf(HttpContext context, ServerOptions options)
    {
        var request = context.Request;
        if (HttpMethods.IsPost(request.Method) && request.Path.Equals(ApiPaths.Root + "/results", StringComparison.Ordinal))
        {
            return ("upload", options.UploadRateLimit);
        }

        return HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) ? ("read", options.ReadRateLimit) : ("other", null);
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        int seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        string kind = KindOf(context, context.RequestServices.GetRequiredService<ServerOptions>()).Kind;
        await ApiProblems.WriteAsync(context, ApiProblems.TooManyRequests(
            $"the account '{Caller.Of(context.User).Name}' made more {kind}s than this server allows; retry after {seconds} s")).ConfigureAwait(false);
    }
}
