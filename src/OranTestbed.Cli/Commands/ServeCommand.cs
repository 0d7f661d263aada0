using System.CommandLine;
using Microsoft.Extensions.Logging;
using OranTestbed.Plans.Yaml;
using OranTestbed.Server;

namespace OranTestbed.Cli.Commands;

/// <summary>
/// <c>oran-testbed serve [--urls URL] [--results DIR | --postgres CONNSTR] [--plans DIR] [--artifacts DIR]
/// [--max-upload-mb N] [--uploads-per-minute N] [--reads-per-minute N] [--verification-workers N] [--concurrent-analyses N]
/// [--audit-retention 365d|never]</c>: the results server (REST API under /api/v1, OpenAPI at /openapi/v1.json) until Ctrl+C.
/// Exit codes: 0 stopped, 64 invalid plan, 69 the store or the address cannot be used.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls")
        {
            Description = "where to listen, ';'-separated (default http://127.0.0.1:5080; http://0.0.0.0:PORT for every interface)",
            DefaultValueFactory = _ => "http://127.0.0.1:5080",
        };
        var plans = new Option<string>("--plans")
        {
            Description = "the lab plan: uploads may name only its products; its fronthaul profiles re-analyse captures",
            DefaultValueFactory = _ => "testplans",
        };
        var maxUpload = new Option<int>("--max-upload-mb")
        {
            Description = "largest upload body (document and artifacts archive) in MiB",
            DefaultValueFactory = _ => 512,
        };
        var maxExpanded = new Option<int>("--max-expanded-mb")
        {
            Description = "most an upload's artifacts archive may expand to on disk, in MiB (checked while extracting)",
            DefaultValueFactory = _ => 2048,
        };
        var uploadsPerMinute = new Option<int>("--uploads-per-minute")
        {
            Description = "uploads an account may make per minute (beyond: 429 with Retry-After; 0: no limit)",
            DefaultValueFactory = _ => 30,
        };
        var readsPerMinute = new Option<int>("--reads-per-minute")
        {
            Description = "reads (API and dashboard) an account may make per minute (beyond: 429 with Retry-After; 0: no limit)",
            DefaultValueFactory = _ => 600,
        };
        var verificationWorkers = new Option<int>("--verification-workers")
        {
            Description = "uploads verified at once in the background (0: this server only accepts and queues them, for another "
                + "server on the same store to verify)",
            DefaultValueFactory = _ => 1,
        };
        var concurrentAnalyses = new Option<int>("--concurrent-analyses")
        {
            Description = "captures re-analysed at once (CPU-bound: about one per core left to the server's requests)",
            DefaultValueFactory = _ => 1,
        };
        var auditRetention = new Option<string>("--audit-retention")
        {
            Description = "how long audit events are kept: 365d (default), 90d, 24h…, or never (older ones are deleted hourly)",
            DefaultValueFactory = _ => "365d",
        };
        auditRetention.Validators.Add(result =>
        {
            if (Retention(result.GetValue(auditRetention)) is null && result.GetValue(auditRetention) != "never")
            {
                result.AddError($"--audit-retention: '{result.GetValue(auditRetention)}' is not a duration (90d, 24h, 30m) or never");
            }
        });
        AcceptOnly(verificationWorkers, 0, 64);
        AcceptOnly(concurrentAnalyses, 1, 64);
        AcceptOnlyNonNegative(uploadsPerMinute);
        AcceptOnlyNonNegative(readsPerMinute);
        AcceptOnlyMebibytes(maxUpload);
        AcceptOnlyMebibytes(maxExpanded);
        var store = new ResultsStoreArguments();
        var command = new Command("serve", "Serve the results: REST API for uploads and reads (token accounts: oran-testbed accounts)")
        {
            urls, plans, maxUpload, maxExpanded, uploadsPerMinute, readsPerMinute, verificationWorkers, concurrentAnalyses,
            auditRetention,
        };
        store.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            var options = new ServerOptions
            {
                Urls = parse.GetRequiredValue(urls).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Store = store.Resolve(parse),
                PlansDirectory = parse.GetRequiredValue(plans),
                MaxUploadBytes = (long)parse.GetValue(maxUpload) << 20,
                MaxExtractedBytes = (long)parse.GetValue(maxExpanded) << 20,
                UploadRateLimit = PerMinute(parse.GetValue(uploadsPerMinute)),
                ReadRateLimit = PerMinute(parse.GetValue(readsPerMinute)),
                VerificationWorkers = parse.GetValue(verificationWorkers),
                MaxConcurrentAnalyses = parse.GetValue(concurrentAnalyses),
                AuditRetention = Retention(parse.GetValue(auditRetention)),
            };
            // Ctrl+C stops the server gracefully (requests in flight finish); the commands own Ctrl+C (see CliEntry).
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                e.Cancel = true;
                stop.Cancel();
            };
            Console.CancelKeyPress += onCancel;
            try
            {
                return await RunAsync(options, LevelOf(parse), Console.Out, Console.Error, stop.Token)
                    .ConfigureAwait(false);
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
        });
        return command;
    }

    /// <summary>The server's log level: <c>--log-level</c> when written (Warning then means warnings only), else
    /// Information (a server logs its requests, by path).</summary>
    internal static LogLevel LevelOf(ParseResult parse) =>
        parse.GetResult(CliLogging.LevelOption) is { Implicit: false } ? parse.GetValue(CliLogging.LevelOption) : LogLevel.Information;

    /// <summary>The console at exactly <paramref name="level"/>.</summary>
    internal static void ConfigureLogging(ILoggingBuilder logging, LogLevel level) => logging
        .SetMinimumLevel(level)
        .AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss.fff ";
        })
        .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);

    internal static async Task<int> RunAsync(ServerOptions options, LogLevel level, TextWriter output, TextWriter diagnostics,
        CancellationToken cancellationToken)
    {
        ResultsServer server;
        try
        {
            server = await ResultsServer.StartAsync(options, logging => ConfigureLogging(logging, level), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (PlanValidationException ex)
        {
            diagnostics.WriteLine($"oran-testbed serve: the plan {options.PlansDirectory} is invalid:");
            foreach (var error in ex.Errors)
            {
                diagnostics.WriteLine("  " + error);
            }

            return ExitCodes.Usage;
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or System.Data.Common.DbException or ArgumentException)
        {
            diagnostics.WriteLine($"oran-testbed serve: cannot start: {ex.Message}");
            return ExitCodes.Unavailable;
        }

        await using (server.ConfigureAwait(false))
        {
            output.WriteLine($"oran-testbed serve: listening on {string.Join(", ", server.Urls)} ({options.Store.Kind} store); "
                + "API /api/v1, OpenAPI /openapi/v1.json; Ctrl+C stops");
            output.Flush();
            await server.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    /// <summary>A size in MiB from 1 to 1 TiB: 0 or a negative size once became 1 MiB without a word.</summary>
    private static Server.Limits.RateLimit? PerMinute(int permits) => permits == 0 ? null : new(permits, TimeSpan.FromMinutes(1));

    private static void AcceptOnlyNonNegative(Option<int> option) =>
        option.Validators.Add(result =>
        {
            if (result.GetValue(option) < 0)
            {
                result.AddError($"{option.Name} must be 0 (no limit) or more");
            }
        });

    /// <summary>A retention of the text form (<c>365d</c>, <c>24h</c>; at least a minute); null for <c>never</c> or junk.</summary>
    private static TimeSpan? Retention(string? text) =>
        Results.Accounts.TokenLifetime.TryParseDuration(text, out var duration) && duration >= TimeSpan.FromMinutes(1) ? duration : null;

    private static void AcceptOnly(Option<int> option, int least, int most) =>
        option.Validators.Add(result =>
        {
            int value = result.GetValue(option);
            if (value < least || value > most)
            {
                result.AddError($"{option.Name}: {value} is not from {least} to {most}");
            }
        });

    private static void AcceptOnlyMebibytes(Option<int> option) =>
        option.Validators.Add(result =>
        {
            int value = result.GetValue(option);
            if (value is < 1 or > 1 << 20)
            {
                result.AddError($"{option.Name}: {value} is not a size in MiB from 1 to 1048576");
            }
        });
}
