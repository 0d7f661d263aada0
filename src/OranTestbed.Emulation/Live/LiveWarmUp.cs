using System.Runtime.CompilerServices;
using OranTestbed.Capture.Live;

namespace OranTestbed.Emulation.Live;

/// <summary>
/// Runs the code of a live run once before it starts, so that its first frames do not wait for the JIT (milliseconds
/// on a busy host, enough to make the first messages late): the send path, and a few ms of the pair offline with the
/// O-RU decoding every O-DU frame as it does live (offline it decodes only C-plane).
/// </summary>
internal static class LiveWarmUp
{
    public static void Exercise(EmulationOptions options)
    {
        var context = new EmulationContext(options with { StartNanoseconds = null, DurationNanoseconds = 3_000_000 });
        var du = new Nodes.DuEmulator(context);
        var ptp = new Nodes.PtpGrandmaster(context, du.Ledger);
        var ru = new Nodes.RuEmulator(context);
        long number = 0;
        while (du.TryPeek(long.MaxValue, out long send))
        {
            ru.Receive(du.Emit(++number, 0, out _), send, number, send);
            while (ru.TryPeek(send, out _))
            {
                ru.Emit(++number, 0, out _);
            }
        }

        while (ptp.TryPeek(out _))
        {
            ptp.Emit(++number, 0, out long send);
            ru.Receive(ReadOnlySpan<byte>.Empty, send, number, send);
        }
    }

    private static int s_done;

    public static void CompileSendPath()
    {
        if (Interlocked.Exchange(ref s_done, 1) == 1)
        {
            return;
        }

        foreach (var method in typeof(LiveFrameSender).GetMethods())
        {
            if (method.Name == nameof(LiveFrameSender.Send) && !method.IsGenericMethodDefinition)
            {
                RuntimeHelpers.PrepareMethod(method.MethodHandle);
            }
        }
    }
}
