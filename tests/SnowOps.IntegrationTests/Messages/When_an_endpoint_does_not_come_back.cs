using MassTransit;
using SnowOps.ServiceDefaults.Messaging;

namespace SnowOps.IntegrationTests.Messages;

/// <summary>
/// The watchdog's judgement over the endpoints' health, looked at every 5 s as the host does: a queue left unconsumed
/// while the broker is there is stuck; a broker away, however long, is not.
/// </summary>
public sealed class When_an_endpoint_does_not_come_back
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    static readonly DateTimeOffset Start = new(2026, 11, 27, 3, 0, 0, TimeSpan.Zero);

    readonly StuckEndpoints _stuck = new(Patience);
    readonly List<(int Second, IReadOnlyList<string> Stuck)> _looks = [];

    const BusHealthStatus Up = BusHealthStatus.Healthy;
    const BusHealthStatus Down = BusHealthStatus.Unhealthy;

    /// <summary>Looks every 5 s from <paramref name="from"/> until before <paramref name="until"/>.</summary>
    void Look(int from, int until, BusHealthStatus projection, BusHealthStatus changes, BusHealthStatus audit)
    {
        for (var second = from; second < until; second += 5)
        {
            var endpoints = new Dictionary<string, BusHealthStatus> { ["projection"] = projection, ["changes"] = changes, ["audit"] = audit };
            _looks.Add((second, _stuck.Observe(endpoints, Start.AddSeconds(second))));
        }
    }

    int? FirstStuckAt => _looks.FirstOrDefault(l => l.Stuck.Count > 0) is { Stuck.Count: > 0 } look ? look.Second : null;

    [Fact]
    public void Should_find_none_while_the_broker_is_away_however_long_nor_while_the_endpoints_come_back_one_by_one()
    {
        Look(0, 60, Up, Up, Up);
        Look(60, 660, Down, Down, Down);
        // Back: each endpoint reconnects at its own next try, the last 30 s after the first.
        Look(660, 675, Up, Down, Down);
        Look(675, 690, Up, Up, Down);
        Look(690, 900, Up, Up, Up);

        Assert.Null(FirstStuckAt);
    }

    [Fact]
    public void Should_name_the_endpoint_still_down_once_the_patience_has_passed_since_the_broker_came_back()
    {
        Look(0, 60, Up, Up, Up);
        Look(60, 80, Down, Down, Down);
        Look(80, 400, Up, Down, Up);

        Assert.Equal(170, FirstStuckAt);
        Assert.Equal(["changes"], _looks.First(l => l.Second == 170).Stuck);
    }

    [Fact]
    public void Should_name_an_endpoint_that_faults_alone_once_it_has_been_down_for_the_patience()
    {
        Look(0, 100, Up, Up, Up);
        Look(100, 300, Up, Up, Down);

        Assert.Equal(190, FirstStuckAt);
        Assert.Equal(["audit"], _looks.First(l => l.Second == 190).Stuck);
    }

    [Fact]
    public void Should_forget_an_endpoint_that_came_back_before_the_patience_ran_out()
    {
        Look(0, 100, Up, Up, Up);
        Look(100, 180, Up, Up, Down);
        Look(180, 200, Up, Up, Up);
        Look(200, 280, Up, Up, Down);
        Look(280, 300, Up, Up, Up);

        Assert.Null(FirstStuckAt);
    }
}
