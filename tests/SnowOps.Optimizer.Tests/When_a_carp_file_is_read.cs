using SnowOps.Optimizer.Carp;

namespace SnowOps.Optimizer.Tests;

public class When_a_carp_file_is_read
{
    [Fact]
    public void Should_read_the_header_and_every_edge()
    {
        var gdb1 = Benchmarks.Read("gdb", "gdb1");

        Assert.Equal(("gdb1", 12, 1, 5), (gdb1.Name, gdb1.Vertices, gdb1.Depot, gdb1.Capacity));
        Assert.Equal(22, gdb1.Required.Count());
        Assert.Equal(252, gdb1.Required.Sum(e => e.Cost));
    }

    [Fact]
    public void Should_take_the_depot_from_the_file_not_vertex_one()
    {
        Assert.Equal(40, Benchmarks.Read("bmcv", "C01").Depot);
    }

    [Theory]
    [InlineData("VERTICES : 3\nARISTAS_REQ : 1\nCAPACIDAD : 5\nLISTA_ARISTAS_REQ :\n ( 1, 9) coste 3 demanda 1\nDEPOSITO : 1\n", "outside 1..3")]
    [InlineData("VERTICES : 3\nARISTAS_REQ : 2\nCAPACIDAD : 5\nLISTA_ARISTAS_REQ :\n ( 1, 2) coste 3 demanda 1\nDEPOSITO : 1\n", "says 2 required edges")]
    [InlineData("VERTICES : 3\nARISTAS_REQ : 1\nLISTA_ARISTAS_REQ :\n ( 1, 2) coste 3 demanda 1\nDEPOSITO : 1\n", "no CAPACIDAD")]
    [InlineData("VERTICES : 3\nARISTAS_REQ : 1\nCAPACIDAD : 5\nLISTA_ARISTAS_REQ :\n ( 1, 2) coste x demanda 1\nDEPOSITO : 1\n", "Line 5")]
    public void Should_reject_a_malformed_file_with_the_reason(string text, string reason)
    {
        var error = Assert.Throws<CarpFormatException>(() => CarpFile.Read(new StringReader(text), "bad"));

        Assert.Contains(reason, error.Message);
    }
}
