using BenchmarkDotNet.Running;
using OranTestbed.Benchmarks.Generation;

// `generate ...` writes the benchmark capture, `schedule ...` measures the orchestrator's overhead per execution,
// `results-scale ...` generates and measures a results store of a million results (ResultsScale/ResultsScaleRunner);
// anything else goes to BenchmarkDotNet (e.g. --filter '*FrameDecoder*').
if (args.Length > 0 && args[0] == "generate")
{
    return CaptureGenerator.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "schedule")
{
    return OranTestbed.Benchmarks.Orchestration.SchedulingOverhead.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "results-scale")
{
    return await OranTestbed.Benchmarks.ResultsScale.ResultsScaleRunner.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(CaptureGenerator).Assembly).Run(args);
return 0;
