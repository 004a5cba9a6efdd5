using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace SnowOps.Routing.Network.Import;

/// <summary>
/// Walks a PBF file's blocks before the reader decodes them, holding each to the format's limits: a block header of
/// at most 64 KiB, the first of type OSMHeader; a blob of at most 32 MiB that uncompresses to at most 32 MiB. A file
/// of another kind, cut short, damaged, or built to expand without end (a zip bomb) is refused with the reason,
/// and the reader then never holds more than one bounded block.
/// </summary>
public static class PbfBlocks
{
    const int MaxHeaderBytes = 64 * 1024;
    const int MaxBlobBytes = 32 * 1024 * 1024;

    /// <summary>Throws <see cref="FormatException"/> with the reason unless every block is sound; leaves the stream where it was.</summary>
    public static void Check(Stream stream)
    {
        var start = stream.Position;
        try
        {
            for (var block = 1; CheckBlock(stream, block); block++)
            {
            }
        }
        finally
        {
            stream.Position = start;
        }
    }

    /// <summary>Checks the next block; false at the end of the file.</summary>
    static bool CheckBlock(Stream stream, int block)
    {
        Span<byte> prefix = stackalloc byte[4];
        var read = stream.ReadAtLeast(prefix, 4, throwOnEndOfStream: false);
        if (read == 0 && block > 1)
            return false;
        if (read < 4)
            throw block == 1 ? NotPbf("it is shorter than a PBF header") : CutShort(block);
        var headerLength = BinaryPrimitives.ReadInt32BigEndian(prefix);
        if (headerLength is <= 0 or > MaxHeaderBytes)
            throw block == 1 ? NotPbf("it does not start with the length of a PBF block header") : Damaged(block, $"its header claims {headerLength} bytes");

        var header = ReadExactly(stream, headerLength, block);
        var (type, dataSize) = ReadHeader(header, block);
        if (block == 1 && type != "OSMHeader")
            throw NotPbf("its first block is not an OSMHeader");
        if (dataSize is <= 0 or > MaxBlobBytes)
            throw Damaged(block, $"its blob claims {dataSize} bytes (at most {MaxBlobBytes} are allowed)");
        CheckBlob(ReadExactly(stream, (int)dataSize, block), block);
        return true;
    }

    static (string? Type, long DataSize) ReadHeader(byte[] header, int block)
    {
        string? type = null;
        long dataSize = -1;
        var fields = new ProtobufFields(header);
        while (Next(ref fields, block))
        {
            if (fields.Field == 1)
                type = Encoding.UTF8.GetString(fields.Bytes);
            else if (fields.Field == 3)
                dataSize = (long)Math.Min(fields.Varint, long.MaxValue);
        }
        return type is null && block == 1 ? throw NotPbf("its first block has no type") : (type, dataSize);
    }

    static void CheckBlob(byte[] blob, int block)
    {
        var fields = new ProtobufFields(blob);
        var data = false;
        while (Next(ref fields, block))
        {
            switch (fields.Field)
            {
                case 1: // raw: stored as it is
                    data = true;
                    break;
                case 2 when fields.Varint > MaxBlobBytes: // raw_size
                    throw Damaged(block, $"it claims to uncompress to {fields.Varint} bytes (at most {MaxBlobBytes} are allowed)");
                case 3: // zlib_data
                    data = true;
                    CheckInflatedSize(fields.Bytes.ToArray(), block);
                    break;
                case 4 or 5 or 6 or 7:
                    throw Damaged(block, "it is compressed with a method other than zlib, which this reader does not take");
            }
        }
        if (!data)
            throw Damaged(block, "it holds no data");
    }

    static void CheckInflatedSize(byte[] compressed, int block)
    {
        try
        {
            using var inflate = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress);
            var buffer = new byte[64 * 1024];
            long total = 0;
            int read;
            while ((read = inflate.Read(buffer)) > 0)
            {
                total += read;
                if (total > MaxBlobBytes)
                    throw Damaged(block, $"it uncompresses to more than {MaxBlobBytes} bytes");
            }
        }
        catch (InvalidDataException e)
        {
            throw Damaged(block, $"its zlib data is broken ({e.Message})");
        }
    }

    static bool Next(ref ProtobufFields fields, int block)
    {
        try
        {
            return fields.MoveNext();
        }
        catch (FormatException e)
        {
            throw block == 1 ? NotPbf(e.Message) : Damaged(block, e.Message);
        }
    }

    static byte[] ReadExactly(Stream stream, int count, int block)
    {
        if (stream.CanSeek && count > stream.Length - stream.Position)
            throw block == 1 ? NotPbf("it ends inside its first block (is it cut short?)") : CutShort(block);
        var bytes = new byte[count];
        if (stream.ReadAtLeast(bytes, count, throwOnEndOfStream: false) < count)
            throw block == 1 ? NotPbf("it ends inside its first block (is it cut short?)") : CutShort(block);
        return bytes;
    }

    static FormatException NotPbf(string why) => new($"The body is not an OpenStreetMap PBF file: {why}.");

    static FormatException CutShort(int block) =>
        new($"The body is not a readable OpenStreetMap PBF file: it ends in the middle of block {block} (is it cut short?).");

    static FormatException Damaged(int block, string why) =>
        new($"The body is not a readable OpenStreetMap PBF file: block {block} is damaged: {why}.");
}
