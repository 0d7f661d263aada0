using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using OranTestbed.Plans.Lab;

namespace OranTestbed.Orchestration.Devices;

/// <summary>
/// Drives real equipment with the commands of its <see cref="CommandLineDriver"/>: each lifecycle step's template is
/// rendered with the execution's variables and run with <c>/bin/sh -c</c>, bounded by the step's timeout (the process
/// tree is killed when it expires or the run is cancelled), and its exit code checked. Output of every step is kept in
/// the execution's evidence folder (<c>PRODUCT-STEP.log</c>). A step the driver does not define is a no-op (health:
/// healthy). read-counters must print one JSON object of numbers or booleans on stdout (<c>{"rx-late": 0}</c>);
/// anything else is a device fault, so garbage never becomes a measurement.
/// </summary>
public sealed class CommandLineDeviceDriver(Product product, CommandLineDriver driver, string? captureInterface, string planRoot)
    : IDeviceDriver, IStepTimeouts
{
    /// <summary>EX_TEMPFAIL (sysexits.h): the device's tooling says "try again"; see <see cref="DeviceFaultException.Transient"/>.</summary>
    public const int TemporaryFailure = 75;

    private DeviceSetup? _setup;

    public Product Product { get; } = product;

    public TimeSpan? TimeoutOf(LifecycleStep lifecycleStep) => driver.Steps.TryGetValue(lifecycleStep, out var s) ? s.Timeout : null;

    public Task OpenAsync(CancellationToken cancellationToken) => Run(LifecycleStep.Open, cancellationToken);

    public Task ConfigureAsync(DeviceSetup setup, CancellationToken cancellationToken)
    {
        _setup = setup;
        return Run(LifecycleStep.Configure, cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Run(LifecycleStep.Start, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Run(LifecycleStep.Stop, cancellationToken);

    public Task CloseAsync(CancellationToken cancellationToken) => Run(LifecycleStep.Close, cancellationToken);

    public async Task<DeviceCounters> ReadCountersAsync(CancellationToken cancellationToken)
    {
        var output = await Run(LifecycleStep.ReadCounters, cancellationToken).ConfigureAwait(false);
        return output is null ? DeviceCounters.None : ParseCounters(output);
    }

    public async Task<DeviceHealth> CheckHealthAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Run(LifecycleStep.Health, cancellationToken).ConfigureAwait(false);
            return DeviceHealth.Ok;
        }
        catch (DeviceFaultException fault)
        {
            return new DeviceHealth(false, fault.Message);
        }
    }

    /// <summary>Runs a step's command; returns its stdout, or null when the driver has no such step.</summary>
    private async Task<string?> Run(LifecycleStep step, CancellationToken cancellationToken)
    {
        if (!driver.Steps.TryGetValue(step, out var command))
        {
            return null;
        }

        string name = StepName(step);
        if (_setup is null)
        {
            throw new DeviceFaultException(Product.Id, name, "the device was not configured for an execution first");
        }

        string rendered;
        try
        {
            rendered = command.Render(CommandVariables.For(Product, driver, _setup, captureInterface, planRoot));
        }
        catch (KeyNotFoundException e)
        {
            throw new DeviceFaultException(Product.Id, name, e.Message);
        }

        var start = new ProcessStartInfo("/bin/sh")
        {
            ArgumentList = { "-c", rendered },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = driver.WorkingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var (key, value) in driver.Environment)
        {
            start.Environment[key] = value;
        }

        using var process = new Process { StartInfo = start };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new DeviceFaultException(Product.Id, name, $"cannot start '{rendered}': {e.Message}");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(command.Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await Evidence(name, rendered, stdout, stderr, exitCode: null).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            throw new DeviceFaultException(Product.Id, name,
                $"'{rendered}' did not finish within {command.Timeout.TotalSeconds:0.#} s and was killed");
        }

        await Evidence(name, rendered, stdout, stderr, process.ExitCode).ConfigureAwait(false);
        if (process.ExitCode != command.ExpectedExitCode)
        {
            var last = stderr.ToString().Trim().Split('\n').LastOrDefault(l => l.Length > 0) ?? "no error output";
            bool transient = process.ExitCode == TemporaryFailure;
            throw new DeviceFaultException(Product.Id, name,
                $"'{rendered}' exited with {process.ExitCode}{(transient ? " (temporary failure)" : string.Empty)} "
                + $"(expected {command.ExpectedExitCode}): {last}")
            {
                Transient = transient,
            };
        }

        return stdout.ToString();
    }

    private DeviceCounters ParseCounters(string output)
    {
        try
        {
            using var json = JsonDocument.Parse(output);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new DeviceFaultException(Product.Id, "read-counters", "the output is not a JSON object of counters");
            }

            var values = ImmutableSortedDictionary.CreateBuilder<string, decimal>(StringComparer.Ordinal);
            foreach (var counter in json.RootElement.EnumerateObject())
            {
                values[counter.Name] = counter.Value.ValueKind switch
                {
                    JsonValueKind.Number => counter.Value.GetDecimal(),
                    JsonValueKind.True => 1,
                    JsonValueKind.False => 0,
                    _ => throw new DeviceFaultException(Product.Id, "read-counters",
                        $"counter '{counter.Name}' is {counter.Value.ValueKind}, not a number or boolean"),
                };
            }

            return new DeviceCounters(values.ToImmutable());
        }
        catch (JsonException e)
        {
            throw new DeviceFaultException(Product.Id, "read-counters",
                $"the output is not JSON ({e.Message}): {Truncate(output)}");
        }
    }

    private async Task Evidence(string step, string command, StringBuilder stdout, StringBuilder stderr, int? exitCode)
    {
        if (_setup is null)
        {
            return;
        }

        Directory.CreateDirectory(_setup.EvidenceDirectory);
        var file = Path.Combine(_setup.EvidenceDirectory, $"{Product.LocalId}-{step}.log");
        var text = string.Create(CultureInfo.InvariantCulture,
            $"$ {command}\nexit: {(exitCode is { } c ? c.ToString(CultureInfo.InvariantCulture) : "killed")}\n--- stdout\n{stdout}--- stderr\n{stderr}");
        await File.WriteAllTextAsync(file, text).ConfigureAwait(false);
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Append(line).Append('\n');
        }
    }

    private static string Truncate(string text) => text.Length <= 80 ? text.Trim() : text[..80].Trim() + "...";

    private static string StepName(LifecycleStep step) => step switch
    {
        LifecycleStep.ReadCounters => "read-counters",
        _ => step.ToString().ToLowerInvariant(),
    };
}
