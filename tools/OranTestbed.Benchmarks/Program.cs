using BenchmarkDotNet.Running;
using OranTestbed.Benchmarks.Generation;

// `generate ...` writes the benchmark capture; anything else goes to BenchmarkDotNet (e.g. --filter '*FrameDecoder*').
if (args.Length > 0 && args[0] == "generate")
{
    return CaptureGenerator.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(CaptureGenerator).Assembly).Run(args);
return 0;
