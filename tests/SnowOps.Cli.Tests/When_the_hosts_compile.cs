using SnowOps.Cli.Bench;

namespace SnowOps.Cli.Tests;

public class When_the_hosts_compile
{
    [Fact]
    public void Should_add_a_threads_user_and_system_time_after_its_name()
    {
        // A name may hold spaces and parentheses; the fields are counted after the last one.
        const string stat = "4242 (.NET (Tiered) Com) S 1 4242 4242 0 -1 4194368 1200 0 3 0 250 50 0 0 20 0 31 0 918 2818612 16842 "
            + "18446744073709551615 1 1 0 0 0 0 0 4096 0 0 0 0 -1 1 0 0 0 0 0";

        Assert.Equal(300, CompileTime.Ticks(stat));
    }

    [Fact]
    public void Should_count_what_each_thread_used_since_the_first_reading_even_when_it_ends_and_another_starts()
    {
        var time = CompileTime.Unsampled();

        time.Add([(1, 10, 400), (2, 20, 900)]);
        Assert.Equal(0, time.Seconds);
        time.Add([(1, 10, 450), (2, 20, 910)]);
        // Thread 10 ends; thread 11 starts in the same process and has used 30 ticks by the next reading.
        time.Add([(1, 11, 30), (2, 20, 910)]);
        time.Add([(1, 11, 35)]);

        Assert.Equal(0.95, time.Seconds, 6);
    }

    [Fact]
    public async Task Should_count_nothing_for_a_process_that_is_not_there()
    {
        var time = CompileTime.Start([int.MaxValue]);

        // Nothing where there is no /proc to read.
        Assert.Equal(Directory.Exists("/proc/self/task") ? 0 : null, time?.Seconds);
        if (time is not null)
            await time.DisposeAsync();
    }
}
