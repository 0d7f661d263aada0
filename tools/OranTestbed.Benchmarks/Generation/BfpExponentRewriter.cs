using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.CPlane;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.Ptp;
using OranTestbed.Fronthaul.Transport;
using OranTestbed.Fronthaul.UPlane;

namespace OranTestbed.Benchmarks.Generation;

/// <summary>
/// Turns emulated BFP traffic into traffic shaped like real NVIDIA Aerial BFP-9 captures: every PRB of every BFP
/// U-plane section gets an exponent of 8, 9 or 10 (cycling), above the 16 − w = 7 a 16-bit encoder would use, so that
/// mantissa·2^exponent exceeds 16 bits. The mantissas and every other byte stay as generated, so the same frames with
/// and without the rewrite differ only in the exponents: what an analysis whose speed depends on the data would show.
/// </summary>
public static class BfpExponentRewriter
{
    public const int FirstExponent = 8;
    public const int Exponents = 3;

    /// <summary>Rewrites the exponents in place; returns the number of PRBs rewritten.</summary>
    public static long Rewrite(byte[] buffer, int[] offsets, int[] lengths, FronthaulDecodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentNullException.ThrowIfNull(offsets);
        ArgumentNullException.ThrowIfNull(lengths);
        var visitor = new PrbVisitor(buffer);
        for (int i = 0; i < offsets.Length; i++)
        {
            visitor.FrameOffset = offsets[i];
            FrameDecoder.Decode(buffer.AsSpan(offsets[i], lengths[i]), options, ref visitor, out _);
        }

        return visitor.Rewritten;
    }

    private sealed class PrbVisitor(byte[] buffer) : IFrameVisitor
    {
        public int FrameOffset { get; set; }

        public long Rewritten { get; private set; }

        public void OnUPlaneSection(in UPlaneSection section)
        {
            if (section.Compression.Method != CompressionMethod.BlockFloatingPoint)
            {
                return;
            }

            int first = FrameOffset + section.IqDataOffset;
            for (int p = 0; p < section.NumPrb; p++)
            {
                ref byte param = ref buffer[first + (p * section.PrbSize)];
                param = (byte)((param & 0xF0) | (FirstExponent + (int)(Rewritten % Exponents)));
                Rewritten++;
            }
        }

        public void OnTransport(in FronthaulTransport transport)
        {
        }

        public void OnPtp(in PtpMessage message)
        {
        }

        public void OnEcpriMessage(in EcpriMessage message, int index)
        {
        }

        public void OnOranTransportHeader(in OranTransportHeader header)
        {
        }

        public void OnOneWayDelay(in EcpriOneWayDelay delay)
        {
        }

        public void OnRemoteReset(in EcpriRemoteReset reset)
        {
        }

        public void OnEventIndication(in EcpriEventIndication indication)
        {
        }

        public void OnCPlaneHeader(in CPlaneCommonHeader header)
        {
        }

        public void OnCPlaneSection(in CPlaneSection section)
        {
        }

        public void OnCPlaneLaaMessage(in CPlaneLaaMessage message)
        {
        }

        public void OnUPlaneHeader(UPlaneHeader header)
        {
        }

        public void OnEcpriMessageEnd()
        {
        }

        public void OnError(in DecodeError failure)
        {
        }
    }
}
