using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.UPlane;
using OranTestbed.Fronthaul.Writing;

namespace OranTestbed.Emulation.Frames;

/// <summary>
/// The U-plane messages of one symbol burst (one symbol of one eAxC), prebuilt with <see cref="FrameWriter"/> and
/// <see cref="UPlaneWriter"/> as whole frames, one per (fragment, IQ variant): sending one patches the per-message
/// header fields in place (eAxC, ecpriSeqid, frameId, subframe/slot/symbol, sectionId; O-RAN.WG4.CUS §6.3.3 offsets
/// from <see cref="EcpriFields"/> and <see cref="UPlaneFields"/>) and hands out the template: no IQ copy, no
/// allocation. A template is valid until the same plan patches it again.
/// </summary>
internal sealed class UPlaneBurstPlan
{
    private readonly byte[][] _frames;
    private readonly int[] _extraSectionOffset;
    private readonly int _variants;

    private UPlaneBurstPlan(PrbFragment[] fragments, byte[][] frames, int[] extraSectionOffset, int variants,
        int ecpriOffset, UdCompHdr compression)
    {
        Fragments = fragments;
        _frames = frames;
        _extraSectionOffset = extraSectionOffset;
        _variants = variants;
        EcpriOffset = ecpriOffset;
        Compression = compression;
        int largest = 0;
        foreach (var frame in frames)
        {
            largest = Math.Max(largest, frame.Length);
        }

        LargestFrame = largest;
    }

    public PrbFragment[] Fragments { get; }

    public int FragmentCount => Fragments.Length;

    public int EcpriOffset { get; }

    public UdCompHdr Compression { get; }

    public int LargestFrame { get; }

    /// <summary>The template of a fragment and variant (for tests and for the length of the frame to come).</summary>
    public byte[] Template(int fragment, int variant) => _frames[(fragment * _variants) + variant];

    /// <summary>
    /// Builds the templates. <paramref name="extraPrbs"/> &gt; 0 adds to the last message a second section of that
    /// many PRBs starting at the carrier's end (the PRBs-beyond-carrier defect).
    /// </summary>
    public static UPlaneBurstPlan Build(FrameAddress address, bool downlink, int filterIndex, IqPayloads payloads,
        bool udCompHdrPresent, PrbFragment[] fragments, int extraPrbs)
    {
        int variants = payloads.Count;
        var frames = new byte[fragments.Length * variants][];
        var extraOffsets = new int[fragments.Length];
        Span<byte> buffer = stackalloc byte[16_384];
        Span<byte> bodyBuffer = stackalloc byte[16_384];
        for (int f = 0; f < fragments.Length; f++)
        {
            var fragment = fragments[f];
            int extra = f == fragments.Length - 1 ? extraPrbs : 0;
            extraOffsets[f] = -1;
            for (int v = 0; v < variants; v++)
            {
                buffer.Clear();
                var frame = new FrameWriter(buffer);
                int ip = address.Begin(ref frame);
                int ecpri = frame.BeginEcpri(EcpriFields.TypeIqData);
                frame.WriteOranTransportHeader(new EaxcId(0), 0);
                int bodyStart = frame.Position;
                var body = new UPlaneWriter(bodyBuffer);
                body.WriteHeader(UPlaneHeader.Create(downlink, 0, 0, 0, 0, filterIndex));
                body.WriteSectionHeader(0, false, false, fragment.StartPrb, fragment.NumPrbField,
                    udCompHdrPresent ? payloads.Compression : null);
                for (int prb = 0; prb < fragment.NumPrb; prb++)
                {
                    body.WriteBytes(payloads.Prb(v, fragment.StartPrb + prb));
                }

                if (extra > 0)
                {
                    extraOffsets[f] = bodyStart + body.Position;
                    body.WriteSectionHeader(0, false, false, payloads.Prbs, extra,
                        udCompHdrPresent ? payloads.Compression : null);
                    for (int prb = 0; prb < extra; prb++)
                    {
                        body.WriteBytes(payloads.Prb(v, prb));
                    }
                }

                frame.WriteBytes(body.Written);
                frame.EndEcpri(ecpri);
                int total = FrameAddress.End(ref frame, ip);
                frames[(f * variants) + v] = buffer[..total].ToArray();
            }
        }

        return new UPlaneBurstPlan(fragments, frames, extraOffsets, variants, address.EcpriOffset, payloads.Compression);
    }

    /// <summary>Patches the per-message fields of a template and returns it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> Patch(int fragment, int variant, ushort eaxc, byte sequenceId, int frameId,
        int subframeId, int slotId, int symbol, int sectionId)
    {
        var frame = _frames[(fragment * _variants) + variant];
        int e = EcpriOffset;
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(e + EcpriFields.HeaderLength + EcpriFields.EaxcIdOffset), eaxc);
        frame[e + EcpriFields.HeaderLength + EcpriFields.SequenceIdOffset] = sequenceId;
        int header = e + EcpriFields.HeaderLength + EcpriFields.TransportHeaderLength;
        frame[header + UPlaneFields.FrameIdOffset] = (byte)frameId;
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(header + UPlaneFields.SubframeSlotSymbolOffset),
            (ushort)((subframeId << UPlaneFields.SubframeIdShift) | (slotId << UPlaneFields.SlotIdShift) | symbol));
        PatchSectionId(frame, header + UPlaneFields.CommonHeaderLength, sectionId);
        if (_extraSectionOffset[fragment] is var extra and >= 0)
        {
            PatchSectionId(frame, extra, sectionId);
        }

        return frame;
    }

    // sectionId is the top 12 bits of the section's first 3 bytes; rb, symInc and startPrbu below stay.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PatchSectionId(byte[] frame, int offset, int sectionId)
    {
        frame[offset] = (byte)(sectionId >> 4);
        frame[offset + 1] = (byte)((sectionId << 4) | (frame[offset + 1] & 0x0F));
    }
}
