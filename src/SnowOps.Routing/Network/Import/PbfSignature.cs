using System.Buffers.Binary;
using System.Text;

namespace SnowOps.Routing.Network.Import;

/// <summary>
/// The first bytes of an OSM PBF file: a 4-byte big-endian length (at most 64 KiB, by the format's rules) of a
/// BlobHeader whose first field, the blob type, is "OSMHeader". Checked before the file is handed to the reader,
/// so that a file of another kind is refused with a plain reason.
/// </summary>
public static class PbfSignature
{
    const int MaxHeaderBytes = 64 * 1024;
    static readonly byte[] HeaderType = Encoding.ASCII.GetBytes("OSMHeader");

    /// <summary>Throws <see cref="FormatException"/> unless the stream starts like a PBF file; leaves the stream where it was.</summary>
    public static void Check(Stream stream)
    {
        var start = stream.Position;
        try
        {
            Span<byte> length = stackalloc byte[4];
            if (stream.ReadAtLeast(length, 4, throwOnEndOfStream: false) < 4)
                throw Refused("it is shorter than a PBF header");
            var headerLength = BinaryPrimitives.ReadInt32BigEndian(length);
            if (headerLength is <= 0 or > MaxHeaderBytes)
                throw Refused("it does not start with the length of a PBF block header");
            // BlobHeader field 1 (type, length-delimited): tag byte 0x0A, one length byte, then the type's text.
            Span<byte> type = stackalloc byte[2 + HeaderType.Length];
            if (stream.ReadAtLeast(type, type.Length, throwOnEndOfStream: false) < type.Length
                || type[0] != 0x0A || type[1] != HeaderType.Length || !type[2..].SequenceEqual(HeaderType))
                throw Refused("its first block is not an OSMHeader");
        }
        finally
        {
            stream.Position = start;
        }
    }

    static FormatException Refused(string why) => new($"The body is not an OpenStreetMap PBF file: {why}.");
}
