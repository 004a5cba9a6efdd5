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

        Assert.Contains("not a readable OpenStreetMap PBF file", message);
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
