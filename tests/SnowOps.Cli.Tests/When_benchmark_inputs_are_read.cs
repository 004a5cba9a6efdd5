using SnowOps.Cli.Routing;

namespace SnowOps.Cli.Tests;

public class When_benchmark_inputs_are_read
{
    [Fact]
    public void Should_order_instances_as_a_person_counts()
    {
        string[] names = ["gdb10", "gdb2", "C10", "gdb1", "C9", "egl-e1-B", "egl-e1-A"];

        Assert.Equal(["C9", "C10", "egl-e1-A", "egl-e1-B", "gdb1", "gdb2", "gdb10"], names.Order(NaturalOrder.Instance));
    }

    [Fact]
    public void Should_find_the_best_known_cost_by_set_and_instance()
    {
        var bks = BestKnown.Read(Benchmarks.BestKnown);

        Assert.Equal(316, bks.Find("gdb", "gdb1"));
        Assert.Equal(316, bks.Find("copies", "gdb1"));
        Assert.Null(bks.Find("gdb", "nothing"));
    }

    [Fact]
    public void Should_find_bks_csv_beside_a_set_folder()
    {
        Assert.Equal(Path.GetFullPath(Benchmarks.BestKnown), BestKnown.Locate(new DirectoryInfo(Path.Combine(Benchmarks.Folder, "gdb"))));
    }
}
