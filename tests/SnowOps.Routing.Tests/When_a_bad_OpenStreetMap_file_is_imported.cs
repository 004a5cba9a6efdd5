using System.Text;
using SnowOps.Routing.Network;

namespace SnowOps.Routing.Tests;

/// <summary>A file that is not a readable PBF extract is refused with the reason, before anything is stored.</summary>
public sealed class When_a_bad_OpenStreetMap_file_is_imported
{
    static FormatException Refused(byte[] body) =>
        Assert.ThrowsAny<FormatException>(() => NetworkImport.Read(new MemoryStream(body), NetworkFormat.OsmPbf, new RoutingOptions()));

    [Fact]
    public void Should_refuse_GeoJSON_sent_as_PBF()
    {
        Assert.Contains("not an OpenStreetMap PBF file", Refused(Encoding.UTF8.GetBytes(Beijing.Streets)).Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(12)]
    public void Should_refuse_a_file_shorter_than_a_header(int length)
    {
        Assert.Contains("not an OpenStreetMap PBF file", Refused(File.ReadAllBytes(Monaco.File)[..length]).Message);
    }

    [Fact]
    public void Should_refuse_random_bytes()
    {
        var noise = new byte[4096];
        new Random(20261126).NextBytes(noise);

        Assert.Contains("not an OpenStreetMap PBF file", Refused(noise).Message);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(50_000)]
    [InlineData(1_000_000)]
    public void Should_refuse_a_truncated_extract(int length)
    {
        var message = Refused(File.ReadAllBytes(Monaco.File)[..length]).Message;

        Assert.Contains("OpenStreetMap PBF file", message);
        Assert.Contains("cut short", message);
    }

    [Fact]
    public void Should_refuse_an_extract_whose_blocks_are_damaged()
    {
        var damaged = File.ReadAllBytes(Monaco.File);
        for (var i = 2000; i < damaged.Length; i += 997)
            damaged[i] ^= 0x5A;

        Assert.Contains("PBF", Refused(damaged).Message);
    }

    [Fact]
    public void Should_refuse_an_extract_without_streets_as_unprocessable()
    {
        var paths = new OsmFile().Node(1, 7.41, 43.73).Node(2, 7.42, 43.73).Way(10, [1, 2], ("highway", "footway")).ToPbf();

        Assert.IsType<NoStreetsException>(Refused(paths));
    }
}

/// <summary>Blocks built to exhaust the server are refused before the reader decodes them.</summary>
public sealed class When_an_OpenStreetMap_file_is_built_to_exhaust_the_server
{
    static FormatException Refused(byte[] body) =>
        Assert.ThrowsAny<FormatException>(() => NetworkImport.Read(new MemoryStream(body), NetworkFormat.OsmPbf, new RoutingOptions()));

    /// <summary>The extract's own first block (its OSMHeader), then <paramref name="blob"/> as an OSMData block.</summary>
    static byte[] AfterTheHeader(byte[] blob, long? claimedSize = null)
    {
        var monaco = File.ReadAllBytes(Monaco.File);
        var headerLength = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(monaco);
        var dataSize = ReadDataSize(monaco.AsSpan(4, headerLength));
        var first = monaco[..(4 + headerLength + (int)dataSize)];

        var header = new List<byte> { 0x0A, 7 };
        header.AddRange(Encoding.ASCII.GetBytes("OSMData"));
        header.Add(0x18);
        header.AddRange(Varint((ulong)(claimedSize ?? blob.Length)));
        var prefix = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(prefix, header.Count);
        return [.. first, .. prefix, .. header, .. blob];
    }

    static long ReadDataSize(ReadOnlySpan<byte> header)
    {
        var fields = new Network.Import.ProtobufFields(header);
        while (fields.MoveNext())
        {
            if (fields.Field == 3)
                return (long)fields.Varint;
        }
        throw new InvalidOperationException("no datasize");
    }

    static byte[] Varint(ulong value)
    {
        var bytes = new List<byte>();
        while (value >= 0x80)
        {
            bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }
        bytes.Add((byte)value);
        return [.. bytes];
    }

    /// <summary>A Blob message: raw_size (field 2) and zlib_data (field 3).</summary>
    static byte[] ZlibBlob(byte[] content, ulong rawSize)
    {
        using var packed = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(packed, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
            zlib.Write(content);
        return [0x10, .. Varint(rawSize), 0x1A, .. Varint((ulong)packed.Length), .. packed.ToArray()];
    }

    [Fact]
    public void Should_hand_a_sound_block_to_the_reader_which_refuses_content_that_is_no_OSM_data()
    {
        // The builder of these specs checked: the extract's OSMHeader, then a small block of zeros passes the
        // envelope checks, and the reader refuses what it holds.
        var message = Refused(AfterTheHeader(ZlibBlob(new byte[100], 100))).Message;

        Assert.Contains("not a readable OpenStreetMap PBF file", message);
        Assert.DoesNotContain("damaged", message);
    }

    [Fact]
    public void Should_refuse_a_block_that_uncompresses_past_32_MiB_whatever_it_claims()
    {
        var bomb = ZlibBlob(new byte[40 * 1024 * 1024], rawSize: 1000); // 40 MiB of zeros pack into about 40 KiB

        var refused = Refused(AfterTheHeader(bomb));

        Assert.Contains("block 2 is damaged: it uncompresses to more than 33554432 bytes", refused.Message);
    }

    [Fact]
    public void Should_refuse_a_block_that_claims_to_uncompress_past_32_MiB()
    {
        Assert.Contains("claims to uncompress to 3000000000 bytes", Refused(AfterTheHeader(ZlibBlob(new byte[10], 3_000_000_000))).Message);
    }

    [Fact]
    public void Should_refuse_a_block_that_claims_more_bytes_than_the_format_allows_before_reading_them()
    {
        Assert.Contains("claims 2000000000 bytes", Refused(AfterTheHeader(ZlibBlob(new byte[10], 10), claimedSize: 2_000_000_000)).Message);
    }

    [Fact]
    public void Should_refuse_a_block_compressed_another_way()
    {
        byte[] lzma = [0x10, 0x05, 0x22, 0x03, 1, 2, 3]; // raw_size 5, lzma_data (field 4)

        Assert.Contains("other than zlib", Refused(AfterTheHeader(lzma)).Message);
    }
}
